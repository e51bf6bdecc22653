"""What every SMS transport does, and the two ways sending can fail."""


class SmsUnavailable(Exception):
    """The provider could not take the message now (network, outage, expired token): retry."""


class SmsRefused(Exception):
    """The provider refused the message itself (bad number, no credit): retrying cannot help."""


class SmsTransport:
    """Sends one text message to one number in E.164 form (`+221771234567`)."""

    name = ""

    def send(self, to, text):
        """Send `text` to `to`; raise `SmsUnavailable` or `SmsRefused` when it is not sent."""
        raise NotImplementedError
