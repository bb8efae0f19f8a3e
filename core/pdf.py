from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict[str, object]) -> bytes:
    """Render a Django template to PDF bytes. No DB writes, no storage, no network."""
    import weasyprint  # imported lazily: loading pango is slow and most requests never need it
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, context)
    # Only local files and data: URIs: a render must never wait on (or leak to) the network.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    document = weasyprint.HTML(string=html, base_url=settings.PDF_ASSET_ROOT, url_fetcher=fetcher)
    return document.write_pdf()
