"""Query helpers that keep listing pages at a constant number of queries."""


def with_renditions(queryset, *image_paths):
    """Prefetch the renditions of the images at these relation paths.

    Wagtail's image tags then find every size they need in memory instead of
    asking the database (or the cache) once per picture.
    """
    return queryset.prefetch_related(*(f"{path}__renditions" for path in image_paths))
