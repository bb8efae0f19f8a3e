from core.pdf import render_pdf


def test_render_pdf_returns_pdf_bytes(template_dir):
    (template_dir / "doc.html").write_text("<h1>Dokumen {{ nama }}</h1>")
    assert render_pdf("doc.html", {"nama": "Uji"}).startswith(b"%PDF")


def test_render_pdf_never_fetches_from_the_network(template_dir, caplog):
    # 192.0.2.0/24 is TEST-NET-1: nothing answers there; the fetcher must refuse before trying.
    (template_dir / "net.html").write_text('<img src="http://192.0.2.1/logo.png"><p>isi</p>')
    pdf = render_pdf("net.html", {})
    assert pdf.startswith(b"%PDF")
    refused = [r.getMessage() for r in caplog.records if "192.0.2.1" in r.getMessage()]
    assert refused, "the external image should have been refused and logged"
