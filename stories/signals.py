"""The signal the stories models' safety nets send; `stories.consent` answers it.

A model saved without its service (a shell, a script, a data fix) must not leave the
site showing what the person no longer agrees to. Its `save()` cannot call the consent
service, which imports the models: it sends this signal instead, and the service's
receiver (connected when `stories.consent` is imported, at start-up by
`StoriesConfig.ready`) applies the consent of the artisans it names.
"""

from django.dispatch import Signal

# Arguments: `artisan_ids`, the artisan pages whose consent is to be applied again.
consent_to_apply = Signal()
