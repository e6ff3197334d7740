"""Scanned pages given as image files (a PNG or JPEG of a page, a multi-page TIFF from a
scanner, a photo): made into a PDF of their pages, one image a page, and read through OCR as a
scanned PDF is (:mod:`.ocr`). The PDF is made by img2pdf (which OCRmyPDF itself uses), the image
kept as it is; each page is given the size of an A4 sheet across its width (297 mm when the image
is wider than tall), so that the scan's resolution is what a scanner of that sheet would record."""

from __future__ import annotations

from ..errors import ReadError

SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
              (b"GIF87a", "GIF"), (b"GIF89a", "GIF"))
_BMP_HEADERS = (12, 40, 52, 56, 64, 108, 124)
"""The sizes a BMP's second header has: "BM" alone could open a text."""


def image_kind(data: bytes) -> str | None:
    """The kind of image ``data`` is ("PNG", "JPEG", "TIFF", …), from its first bytes; None for
    anything else."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:2] == b"BM" and int.from_bytes(data[14:18], "little") in _BMP_HEADERS:
        return "BMP"
    return None


def image_to_pdf(data: bytes, name: str) -> bytes:
    """A PDF of the image's pages (frames), no text layer: OCR reads it. A ReadError names what
    is missing (the OCR extras) or says the image cannot be read."""
    try:
        import img2pdf
        from PIL import Image, UnidentifiedImageError
        from PIL.Image import DecompressionBombError
    except ImportError as e:
        from .ocr import INSTALL

        raise ReadError(f"{name}: reading an image needs the OCR engine: install {INSTALL}") from e
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's own notes (a damaged EXIF block): the reading says what matters
            return _convert(data, img2pdf, Image)
    except (DecompressionBombError, img2pdf.PdfTooLargeError) as e:
        raise ReadError(f"{name}: the image is larger than any scanned page ({e}); refusing") from e
    except (UnidentifiedImageError, OSError, ValueError, img2pdf.ImageOpenError) as e:
        raise ReadError(f"{name}: this image cannot be read ({type(e).__name__}); is the file whole?") from e


def _convert(data: bytes, img2pdf, Image) -> bytes:  # noqa: N803 (the module's name)
    """The PDF of ``data``'s frames, each page as wide as an A4 sheet (across when it is wider than tall)."""
    import io

    with Image.open(io.BytesIO(data)) as im:
        width, height = im.size
        dpi = width / ((297 if width > height else 210) / 25.4)
        layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
        if im.format in ("PNG", "JPEG", "TIFF", "GIF", "JPEG2000") and "A" not in im.mode:
            try:  # the image as it is, when a PDF can hold it so
                return bytes(img2pdf.convert(data, layout_fun=layout))
            except img2pdf.PdfTooLargeError:
                raise
            except Exception:  # noqa: BLE001 (a mode img2pdf refuses: its colours as a PNG, below)
                pass
        out = io.BytesIO()
        im.convert("RGB").save(out, "PNG", dpi=(dpi, dpi))
    return bytes(img2pdf.convert(out.getvalue(), layout_fun=layout))
