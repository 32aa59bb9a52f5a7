"""Turn docmodel documents into real office files with LibreOffice
(generation time only) and make the results byte-stable: fixed zip
timestamps, fixed PDF dates and IDs, fixed revision ids."""

import hashlib
import io
import os
import platform
import re
import shutil
import subprocess
import zipfile

# target -> (soffice filter, source kind)
FILTERS = {
    ("text", "docx"): 'docx:MS Word 2007 XML',
    ("text", "odt"): "odt:writer8",
    ("text", "doc"): "doc:MS Word 97",
    ("text", "rtf"): "rtf:Rich Text Format",
    ("text", "pdf"): "pdf:writer_pdf_Export",
    ("html", "docx"): 'docx:MS Word 2007 XML',
    ("html", "odt"): "odt:writer8",
    ("html", "doc"): "doc:MS Word 97",
    ("html", "pdf"): "pdf:writer_pdf_Export",
    ("html", "rtf"): "rtf:Rich Text Format",
    ("sheet", "xlsx"): "xlsx:Calc MS Excel 2007 XML",
    ("sheet", "ods"): "ods:calc8",
    ("sheet", "xls"): "xls:MS Excel 97",
    ("sheet", "pdf"): "pdf:calc_pdf_Export",
    ("csv", "xlsx"): "xlsx:Calc MS Excel 2007 XML",
    ("csv", "ods"): "ods:calc8",
    ("csv", "xls"): "xls:MS Excel 97",
    ("slides", "pptx"): "pptx:Impress MS PowerPoint 2007 XML",
    ("slides", "odp"): "odp:impress8",
    ("slides", "pdf"): "pdf:impress_pdf_Export",
}
SRC_EXT = {"text": "fodt", "html": "html", "sheet": "fods", "csv": "csv", "slides": "fodp"}
INFILTER = {"html": "HTML (StarWriter)", "csv": "CSV:59,34,76,1,,1043,false,true"}


class Job:
    def __init__(self, jid, doc, target, via=None):
        self.id = jid
        self.doc = doc
        self.target = target
        self.via = via or {"text": "text", "sheet": "sheet", "slides": "slides"}[doc.kind]
        self.data = None
        self.error = None


def _source(job):
    d = job.doc
    if job.via == "text":
        return d.fodt()
    if job.via == "html":
        return d.html()
    if job.via == "sheet":
        return d.fods()
    if job.via == "csv":
        return d.csv(";")
    if job.via == "slides":
        return d.fodp()
    raise ValueError(job.via)


def convert_all(jobs, work, log=print):
    """Convert every job; sets job.data (bytes) or job.error."""
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    profile = "file://" + os.path.join(os.path.abspath(work), "lo-profile")
    groups = {}
    for j in jobs:
        groups.setdefault((j.via, j.target), []).append(j)
    for (via, target), js in sorted(groups.items()):
        src_dir = os.path.join(work, "src-%s-%s" % (via, target))
        out_dir = os.path.join(work, "out-%s-%s" % (via, target))
        os.makedirs(src_dir)
        os.makedirs(out_dir)
        files = []
        for j in js:
            p = os.path.join(src_dir, "%s.%s" % (j.id, SRC_EXT[via]))
            with open(p, "w", encoding="utf-8", newline="") as fh:
                fh.write(_source(j))
            files.append(p)
        for i in range(0, len(files), 40):
            _run(profile, via, target, files[i:i + 40], out_dir)
        for j in js:
            p = os.path.join(out_dir, "%s.%s" % (j.id, target))
            if not os.path.exists(p):
                # one retry on its own
                _run(profile, via, target, [os.path.join(src_dir, "%s.%s" % (j.id, SRC_EXT[via]))], out_dir)
            if os.path.exists(p) and os.path.getsize(p) > 0:
                with open(p, "rb") as fh:
                    j.data = normalise(fh.read(), target, j.id, j.doc.created)
            else:
                j.error = "LibreOffice produced no %s from %s" % (target, via)
                log("conversion failed: %s (%s -> %s)" % (j.id, via, target))
        log("converted %3d %s -> %s" % (len(js), via, target))


def _run(profile, via, target, files, out_dir):
    cmd = ["soffice", "-env:UserInstallation=" + profile, "--headless", "--norestore"]
    # without address-space randomisation LibreOffice writes its hash-ordered
    # tables (fonts in a PDF, for one) in the same order on every run
    if shutil.which("setarch"):
        cmd = ["setarch", platform.machine(), "-R"] + cmd
    if via in INFILTER:
        cmd.append("--infilter=" + INFILTER[via])
    cmd += ["--convert-to", FILTERS[(via, target)], "--outdir", out_dir] + files
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)


# ------------------------------------------------------------------ stable bytes

def _stamp(created):
    return (created.year, created.month, created.day, created.hour, created.minute, 0)


def rezip(data, created, jid, fix=None):
    """Rewrite a zip container with fixed timestamps (same member order)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if fix:
                body = fix(info.filename, body)
            ni = zipfile.ZipInfo(info.filename, date_time=_stamp(created))
            ni.compress_type = info.compress_type
            ni.external_attr = info.external_attr
            ni.create_system = 0
            zout.writestr(ni, body)
    return out.getvalue()


def _fix_member(jid):
    seed = int(hashlib.sha1(jid.encode()).hexdigest()[:6], 16)

    def fix(name, body):
        if name == "settings.xml":
            body = re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', lambda m: m.group(1) + str(seed).encode(), body)
        return body
    return fix


def normalise(data, target, jid, created):
    if target in ("docx", "xlsx", "pptx", "odt", "ods", "odp"):
        return rezip(data, created, jid, _fix_member(jid))
    if target == "pdf":
        d = created.strftime("%Y%m%d%H%M%S").encode()

        def date(m):
            v = m.group(2)
            new = (b"D:" + d + b"Z")[:len(v)]
            new = new + v[len(new):]
            return m.group(1) + new + b")"
        data = re.sub(rb"(/(?:CreationDate|ModDate)\()(D:[^)]*)\)", date, data)
        h = hashlib.md5(jid.encode()).hexdigest().upper().encode()

        def ident(m):
            return b"<" + h[:len(m.group(1))] + b">"
        data = re.sub(rb"<([0-9A-F]{32})>", ident, data)
        data = re.sub(rb"(/DocChecksum /)([0-9A-F]{32})", lambda m: m.group(1) + h[:32], data)
        return data
    if target == "rtf":
        return rtf_colors(data)
    return data


def rtf_colors(data):
    """LibreOffice writes the RTF colour table in a run-dependent order; sort
    it and renumber the colour references so the bytes are stable."""
    m = re.search(rb"\{\\colortbl;(.*?)\}", data, re.S)
    if not m:
        return data
    entries = m.group(1).split(b";")[:-1]
    order = sorted(range(len(entries)), key=lambda i: entries[i])
    newidx = {old + 1: new + 1 for new, old in enumerate(order)}
    table = b"{\\colortbl;" + b"".join(entries[i] + b";" for i in order) + b"}"
    data = data[:m.start()] + table + data[m.end():]
    return re.sub(rb"\\(cf|cb|brdrcf|clcbpat|clcfpat|cbpat|cfpat|chcbpat|chcfpat|highlight)(\d+)",
                  lambda mm: b"\\" + mm.group(1) + str(newidx.get(int(mm.group(2)), int(mm.group(2)))).encode(), data)


# ------------------------------------------------------------------ archives

def make_zip(members, created, utf8_names=True, method=zipfile.ZIP_DEFLATED):
    """members: list of (name, bytes). Fixed timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in members:
            zi = zipfile.ZipInfo(name, date_time=_stamp(created))
            zi.compress_type = method
            zi.external_attr = 0o644 << 16
            if not utf8_names:
                try:
                    name.encode("cp437")
                except UnicodeEncodeError:
                    pass
            z.writestr(zi, body)
    return out.getvalue()
