from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict[str, object]) -> bytes:
    """Render a Django template to PDF bytes. No DB writes, no storage, no network."""
    import weasyprint  # imported lazily: loading pango is slow and web requests rarely need it

    html = render_to_string(template_name, context)
    return weasyprint.HTML(string=html, base_url=settings.PDF_ASSET_ROOT).write_pdf(
        url_fetcher=_local_only_fetcher
    )


def _local_only_fetcher(url: str, timeout: int = 10, ssl_context: object = None) -> dict:
    """Refuse anything but local files: a PDF render must never reach the network."""
    from weasyprint.urls import default_url_fetcher

    if not url.startswith(("file:", "data:")):
        raise ValueError(f"Sumber eksternal tidak diizinkan dalam PDF: {url}")
    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
