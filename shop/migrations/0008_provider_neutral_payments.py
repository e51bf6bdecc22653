"""Order payment fields lose their « stripe_ » names; every existing value is kept.

Card orders so far were all paid through Stripe: they get `payment_provider = "stripe"`.
Stripe events become payment events of the provider « stripe ».
"""

from django.db import migrations, models


def name_the_provider(apps, schema_editor):
    Order = apps.get_model("shop", "Order")
    Order.objects.filter(payment_method="card").update(payment_provider="stripe")


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0007_payouts_story_views"),
    ]

    operations = [
        migrations.RenameField("order", "stripe_session_id", "payment_reference"),
        migrations.RenameField("order", "stripe_checkout_url", "payment_url"),
        migrations.RenameField("order", "stripe_payment_intent_id", "payment_transaction_id"),
        migrations.AddField(
            model_name="order",
            name="payment_provider",
            field=models.CharField(
                blank=True,
                help_text="Who holds the hosted payment page: « stripe », « wave »; empty for cash.",
                max_length=20,
                verbose_name="payment provider",
            ),
        ),
        migrations.RunPython(name_the_provider, migrations.RunPython.noop),
        migrations.RenameModel("StripeEvent", "PaymentEvent"),
        migrations.AddField(
            model_name="paymentevent",
            name="provider",
            field=models.CharField(default="stripe", max_length=20, verbose_name="provider"),
        ),
    ]
