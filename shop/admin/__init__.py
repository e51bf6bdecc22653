"""The shop in the Wagtail admin: orders, stock, reports, dashboard panels, the order export.

Views and forms only: each calls the service module that owns the rule (`shop.lifecycle`,
`shop.stock`, `shop.refunds`, `shop.earnings`, `shop.sales`). The hooks that put them in
the admin are registered in `shop.wagtail_hooks`.
"""
