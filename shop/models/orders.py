"""Orders: what a shopper bought, at what price, and every status it went through.

Amounts are integers in the currency's minor unit, copied from `shop.pricing` when
the order is placed: changing a product or a setting later never rewrites an order.
Orders are never deleted: there is no delete permission, the order admin offers no
delete view, and their lines and status history protect them in the database.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import pricing, relations

ACCESS_KEY_SALT = "shop.order-access"


class OrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Pending payment")
    AWAITING_CASH = "awaiting_cash", _("Awaiting cash payment")
    PAID = "paid", _("Paid")
    FULFILLED = "fulfilled", _("Fulfilled")
    CANCELLED = "cancelled", _("Cancelled")
    REFUNDED = "refunded", _("Refunded")


class ProductionStatus(models.TextChoices):
    """Where the workshop is with a piece made to order, in the order it moves (forward only)."""

    # Feminine in French (« la pièce »): a context keeps them apart from other « Ready ».
    ACCEPTED = "accepted", pgettext_lazy("production status", "Accepted")
    IN_PROGRESS = "in_progress", pgettext_lazy("production status", "In progress")
    READY = "ready", pgettext_lazy("production status", "Ready")
    SHIPPED = "shipped", pgettext_lazy("production status", "Shipped")


class PaymentMethod(models.TextChoices):
    CARD = "card", _("Card (Stripe)")
    MOBILE_MONEY = "mobile", _("Wave / Orange Money")
    CASH = "cash", _("Cash on delivery or at pickup")


# Methods paid on a provider's hosted page, with a deadline, a callback and a provider.
ONLINE_METHODS = (PaymentMethod.CARD, PaymentMethod.MOBILE_MONEY)


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class Fulfilment(models.TextChoices):
    DELIVERY = "delivery", _("Delivery")
    PICKUP = "pickup", _("Pickup")


class Notification(models.TextChoices):
    EMAIL = "email", _("By e-mail")
    SMS = "sms", _("By SMS")
    BOTH = "both", _("By e-mail and SMS")


class Order(models.Model):
    """One purchase: the shopper's details, the priced lines, payment and status."""

    reference = models.CharField(
        _("reference"), max_length=32, unique=True, null=True, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OrderStatus.choices,
        default=OrderStatus.PENDING_PAYMENT,
        db_index=True,
    )
    payment_method = models.CharField(
        _("payment method"), max_length=10, choices=PaymentMethod.choices
    )
    fulfilment = models.CharField(
        _("delivery or pickup"), max_length=10, choices=Fulfilment.choices
    )
    customer_name = models.CharField(_("name"), max_length=120)
    # Optional: a shopper may give only a phone, then hears of the order by SMS.
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30)
    delivery_address = models.TextField(_("delivery address"), blank=True)
    # What the shopper was promised when ordering, kept whatever the zones become later.
    delivery_place = models.CharField(_("city or region"), max_length=120, blank=True)
    delivery_zone = models.CharField(_("delivery zone"), max_length=80, blank=True)
    delivery_lead_days = models.PositiveSmallIntegerField(
        _("delivery lead time (days)"), null=True, blank=True
    )
    pickup_point = models.TextField(
        _("pickup point"), blank=True, help_text=_("Name, address and opening hours.")
    )
    pickup_code = models.CharField(
        _("pickup code"),
        max_length=12,
        blank=True,
        help_text=_("Sent to the shopper; asked for when they collect the order."),
    )
    notify_by = models.CharField(
        _("order updates"),
        max_length=5,
        choices=Notification.choices,
        default=Notification.EMAIL,
    )
    customer_note = models.TextField(_("note from the shopper"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="fr")
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    currency = models.CharField(_("currency"), max_length=3)
    markup_rate = models.DecimalField(_("markup rate (%)"), max_digits=5, decimal_places=2)
    items_total = models.PositiveBigIntegerField(_("items total"))
    artisan_total = models.PositiveBigIntegerField(_("artisans' share"))
    markup_total = models.PositiveBigIntegerField(_("shop's share"))
    delivery_fee = models.PositiveBigIntegerField(_("delivery fee"), default=0)
    total = models.PositiveBigIntegerField(_("total"))
    refunded_amount = models.PositiveBigIntegerField(_("refunded"), default=0)

    stock_reserved = models.BooleanField(
        _("pieces taken from stock"),
        default=False,
        help_text=_("True while the pieces of this order are out of stock: reserved, then sold."),
    )
    needs_refund = models.BooleanField(
        _("needs a refund"),
        default=False,
        db_index=True,
        help_text=_("A payment arrived for an order that can no longer be filled."),
    )
    payment_expires_at = models.DateTimeField(_("online payment deadline"), null=True, blank=True)
    payment_provider = models.CharField(
        _("payment provider"),
        max_length=20,
        blank=True,
        help_text=_("Who holds the hosted payment page: « stripe », « wave »; empty for cash."),
    )
    payment_reference = models.CharField(
        _("provider's payment page"), max_length=255, blank=True, db_index=True
    )
    payment_url = models.TextField(_("payment page address"), blank=True)
    payment_transaction_id = models.CharField(
        _("provider's payment"), max_length=255, blank=True, db_index=True
    )

    # Unique, so a checkout form sent twice (double click, retry after a timeout) places
    # one order: the second submission finds this one (`shop.checkout.place_order_once`).
    submission_key = models.CharField(
        _("checkout submission"), max_length=64, unique=True, null=True, editable=False
    )
    # The commission request (a form page's submission) this order was made for, if any.
    commission_submission_id = models.PositiveIntegerField(
        _("commission request"), null=True, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(_("placed at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    fulfilled_at = models.DateTimeField(_("fulfilled at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        # No "add" (orders come from checkouts) and no "delete" (orders are kept for ever).
        default_permissions = ("view", "change")
        permissions = [
            ("adjust_stock", _("Can adjust the stock of products")),
            ("change_prices", _("Can change the prices of products")),
        ]

    def __str__(self):
        return self.reference or _("Order being placed")

    def format(self, amount):
        """An amount of this order for a reader, in the order's currency and language."""
        return pricing.format_money(amount, self.currency, self.language)

    @property
    def net_total(self):
        """The total less what was refunded."""
        return self.total - min(self.refunded_amount, self.total)

    @property
    def is_partly_refunded(self):
        return 0 < self.refunded_amount < self.total

    @property
    def refundable_amount(self):
        """What may still be refunded: the total less refunds done or under way."""
        return max(self.total - self.refunds_committed(), 0)

    def refunds_committed(self):
        """Refunds that succeeded or are still pending (a pending one may yet succeed)."""
        held = self.refunds.exclude(status=RefundStatus.FAILED).aggregate(sum=models.Sum("amount"))
        return held["sum"] or 0

    @property
    def is_pickup(self):
        return self.fulfilment == Fulfilment.PICKUP

    @property
    def wants_email(self):
        return self.notify_by in (Notification.EMAIL, Notification.BOTH) and bool(self.email)

    @property
    def wants_sms(self):
        return self.notify_by in (Notification.SMS, Notification.BOTH) and bool(self.phone)

    def quantities(self):
        """{product_id: quantity} of the lines whose product still exists."""
        result = {}
        for line in self.lines.all():
            if line.product_id is not None:
                result[line.product_id] = result.get(line.product_id, 0) + line.quantity
        return result

    def access_key(self):
        """A secret for the order's page link in e-mails; guessing references gives nothing."""
        return salted_hmac(ACCESS_KEY_SALT, f"{self.pk}:{self.reference}").hexdigest()[:32]

    def has_access_key(self, key):
        return bool(key) and constant_time_compare(str(key), self.access_key())


class OrderLine(models.Model):
    """One product of an order, with the price, artisan and story as they were at the sale."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="lines")
    product = models.ForeignKey(
        "shop.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
    )
    product_title = models.CharField(_("product"), max_length=255)
    artisan = models.ForeignKey(
        relations.ARTISAN,
        verbose_name=_("artisan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
    )
    artisan_name = models.CharField(_("artisan's public name"), max_length=255, blank=True)
    # The artisan's workshop at the sale: an artisan released from prison moves to another
    # workshop, and what they sold before stays with the workshop where they made it.
    workshop = models.ForeignKey(
        relations.WORKSHOP,
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
    )
    workshop_name = models.CharField(_("workshop's name"), max_length=120, blank=True)
    story = models.ForeignKey(
        relations.STORY,
        verbose_name=_("story the shopper came from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
    )
    artisan_price = models.PositiveBigIntegerField(_("artisan's price"))
    markup_rate = models.DecimalField(_("markup rate (%)"), max_digits=5, decimal_places=2)
    markup_amount = models.PositiveBigIntegerField(_("markup"))
    unit_price = models.PositiveBigIntegerField(_("unit price"))
    quantity = models.PositiveIntegerField(_("quantity"))
    line_total = models.PositiveBigIntegerField(_("line total"))
    # Made to order (`shop.production`): the lead time and the day promised at the sale, and
    # where the workshop is with it. Empty for a piece taken from stock.
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"), null=True, blank=True)
    ready_by = models.DateField(_("expected on"), null=True, blank=True)
    production_status = models.CharField(
        _("production"), max_length=12, choices=ProductionStatus.choices, blank=True
    )
    # A commission made from no product page (`shop.commissions`): nothing to take from stock.
    commissioned = models.BooleanField(_("commissioned piece"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        default_permissions = ()

    def __str__(self):
        return f"{self.quantity} × {self.product_title}"

    @property
    def artisan_total(self):
        return pricing.line_total(self.artisan_price, self.quantity)

    @property
    def public_artisan_name(self):
        """The maker's name as shoppers may read it today, not as it was at the sale.

        The snapshot (`artisan_name`) is kept for the records, but a person who withdrew
        their consent is named the way their page names them now (anonymous): the page's
        title always follows consent. Without the page there is no consent to go by, so
        no name. Load lines with `select_related("artisan")` to spare a query per line.
        """
        return self.artisan.title if self.artisan is not None else ""

    @property
    def markup_total(self):
        return pricing.line_total(self.markup_amount, self.quantity)


class StatusStep(models.Model):
    """What every logged step shares: who made it (None: the shop itself, or the shopper), when."""

    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["changed_at", "pk"]
        default_permissions = ()


class OrderStatusChange(StatusStep):
    """One step in an order's life: from which status to which, who did it, when and why."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="status_changes")
    from_status = models.CharField(
        _("from"), max_length=20, choices=OrderStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=OrderStatus.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta(StatusStep.Meta):
        verbose_name = _("order status change")
        verbose_name_plural = _("order status changes")

    def __str__(self):
        return f"{self.order}: {self.from_status or '-'} → {self.to_status}"


class ProductionStatusChange(StatusStep):
    """One step of a piece made to order: from which production status to which, who, when."""

    line = models.ForeignKey(OrderLine, on_delete=models.PROTECT, related_name="production_changes")
    from_status = models.CharField(
        _("from"), max_length=12, choices=ProductionStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=ProductionStatus.choices)

    class Meta(StatusStep.Meta):
        verbose_name = _("production status change")
        verbose_name_plural = _("production status changes")

    def __str__(self):
        return f"{self.line}: {self.from_status or '-'} → {self.to_status}"


class PaymentEvent(models.Model):
    """A provider's signed callback, kept whole: what it said, what the shop did, what failed.

    The same event id of one provider is applied once; a stored event can be applied again
    from the order admin (`shop.webhooks.replay`), which is harmless since every effect goes
    through `shop.lifecycle`.
    """

    provider = models.CharField(_("provider"), max_length=20, default="stripe")
    event_id = models.CharField(_("event"), max_length=255)
    event_type = models.CharField(_("type"), max_length=100)
    order = models.ForeignKey(
        Order, null=True, blank=True, on_delete=models.PROTECT, related_name="payment_events"
    )
    payload = models.TextField(_("payload as received"), blank=True)
    result = models.CharField(_("result"), max_length=40, blank=True)
    error = models.TextField(_("error"), blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("payment event")
        verbose_name_plural = _("payment events")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_id"], name="shop_payment_event_once_per_provider"
            )
        ]

    def __str__(self):
        return f"{self.provider} {self.event_type} {self.event_id}"


class Refund(models.Model):
    """Money given back on an order, one row per refund: a partial refund is one of several.

    `Order.refunded_amount` is the sum of the succeeded rows, kept on the order for the
    figures; a refund that fails after being accepted is marked failed and leaves that sum.
    """

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    amount = models.PositiveBigIntegerField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3)
    provider = models.CharField(_("provider"), max_length=20, blank=True)
    provider_refund_id = models.CharField(
        _("provider's refund"), max_length=255, blank=True, db_index=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RefundStatus.choices, default=RefundStatus.PENDING
    )
    idempotency_key = models.CharField(max_length=100, blank=True)
    # The part of `amount` that gives back the delivery fee, on a return (`shop.refunds`).
    delivery_amount = models.PositiveBigIntegerField(_("delivery fee refunded"), default=0)
    reason = models.TextField(_("reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_refund_id"],
                condition=~models.Q(provider_refund_id=""),
                name="shop_refund_once_per_provider_id",
            )
        ]

    def __str__(self):
        return f"{self.order}: {self.amount} {self.currency} ({self.status})"


class ReturnedLine(models.Model):
    """Pieces of one order line the shopper brought back, refunded by `refund`.

    Counted in the figures once the refund succeeded: the line then counts for its
    pieces kept only (`shop.sales`). `restocked` says whether they were put back on sale.
    """

    refund = models.ForeignKey(Refund, on_delete=models.PROTECT, related_name="returned_lines")
    line = models.ForeignKey(OrderLine, on_delete=models.PROTECT, related_name="returns")
    quantity = models.PositiveIntegerField(_("quantity returned"))
    restocked = models.BooleanField(_("put back on sale"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("returned piece")
        verbose_name_plural = _("returned pieces")
        default_permissions = ()

    def __str__(self):
        return f"{self.line}: {self.quantity} returned"


class OrderReferenceCounter(models.Model):
    """The last order number given in a year; its row is locked while a number is taken."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.year}: {self.last_number}"
