"""A throw-away certificate authority and PAdES signing for the tests: a root, a signer certificate it issues (valid
now, or expired), and a one-page PDF signed with pyHanko's SimpleSigner."""
import io
from datetime import datetime, timedelta, timezone

from asn1crypto import keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.writer import PdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from webapp.paperwork.signatures import in_own_thread

PAGE_TEXT = b"BT /F1 18 Tf 72 720 Td (Van ban so 1-BC) Tj ET"


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


class Authority:
    """A root CA kept in memory; `pem` is what the office would put in its trust-roots folder."""

    def __init__(self, name: str = "Root CA thử nghiệm"):
        now = datetime.now(timezone.utc)
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(now - timedelta(days=3650)).not_valid_after(now + timedelta(days=3650))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                     .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                                  key_encipherment=False, data_encipherment=False,
                                                  key_agreement=False, key_cert_sign=True, crl_sign=True,
                                                  encipher_only=False, decipher_only=False), critical=True)
                     .sign(self.key, hashes.SHA256()))

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def signer(self, common_name: str, expired: bool = False) -> signers.SimpleSigner:
        """A signer whose certificate this root issued: valid for a year from yesterday, or ended yesterday."""
        now = datetime.now(timezone.utc)
        start, end = (now - timedelta(days=400), now - timedelta(days=1)) if expired else \
            (now - timedelta(days=1), now + timedelta(days=365))
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(self.cert.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(start).not_valid_after(end)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                             key_encipherment=False, data_encipherment=False, key_agreement=False,
                                             key_cert_sign=False, crl_sign=False, encipher_only=False,
                                             decipher_only=False), critical=True)
                .sign(self.key, hashes.SHA256()))
        der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        root = asn1_x509.Certificate.load(self.cert.public_bytes(serialization.Encoding.DER))
        return signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            signing_key=keys.PrivateKeyInfo.load(der_key),
            cert_registry=SimpleCertificateStore.from_certs([root]))


def blank_pdf() -> bytes:
    """A one-page PDF with a line of text, unsigned."""
    writer = PdfFileWriter()
    font = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Font"),
        generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
        generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica")}))
    stream = writer.add_object(generic.StreamObject(stream_data=PAGE_TEXT))
    page = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Page"),
        generic.NameObject("/MediaBox"): generic.ArrayObject(map(generic.NumberObject, (0, 0, 595, 842))),
        generic.NameObject("/Resources"): generic.DictionaryObject({
            generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/F1"): font})}),
        generic.NameObject("/Contents"): stream})
    writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def signed_pdf(signer: signers.SimpleSigner) -> bytes:
    """The blank PDF with one PAdES signature of `signer` covering the whole file (signed in a thread of its own,
    as the app checks one: pyHanko starts an event loop, which fails where a browser test's loop still runs)."""
    def sign() -> bytes:
        out = io.BytesIO()
        metadata = signers.PdfSignatureMetadata(field_name="Signature1", subfilter=SigSeedSubFilter.PADES)
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(blank_pdf())), metadata, signer=signer, output=out)
        return out.getvalue()

    return in_own_thread(sign)


def tampered(pdf: bytes) -> bytes:
    """The same file with one byte of the signed page text changed (same length, still a readable PDF)."""
    at = pdf.index(b"Van ban so 1")
    return pdf[:at] + b"X" + pdf[at + 1:]


def updated_after_signing(pdf: bytes) -> bytes:
    """The signed file with an incremental update that rewrites the page text after signing."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0]
    writer.update_container(page)
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=PAGE_TEXT.replace(b"1-BC", b"9-BC")))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
