from .cart import Cart


def cart_summary(request):
    """The header's item count."""
    session = getattr(request, "session", None)
    return {"cart_count": Cart(session).count() if session is not None else 0}
