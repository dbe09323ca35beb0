"""
A small but real VBA project (vbaProject.bin) built by hand from [MS-OVBA]: the PROJECT and
PROJECTwm streams, VBA/_VBA_PROJECT (version 0xFFFF: no compiled cache, so a host must
compile the source), VBA/dir (compressed) and one module stream per module (compressed
source at offset 0), in a compound file written by cfb.py.

Not produced by Excel: the corpus README says so. LibreOffice reads it back (make.py checks
that LibreOffice finds the module source when it opens the .xlsm).
"""
import struct

from cfb import ovba_compress, write_cfb

CODEPAGE = 1252


def _rec(rid, payload):
    return struct.pack("<HI", rid, len(payload)) + payload


def _str_pair(rid, text, rid2):
    """A record with an MBCS string, followed by its Unicode twin under a reserved id."""
    mbcs = text.encode("cp1252")
    uni = text.encode("utf-16-le")
    return struct.pack("<HI", rid, len(mbcs)) + mbcs + struct.pack("<HI", rid2, len(uni)) + uni


def _dir_stream(project, modules):
    d = bytearray()
    d += _rec(0x0001, struct.pack("<I", 1))  # PROJECTSYSKIND: Win32
    d += _rec(0x0002, struct.pack("<I", 0x0409))  # PROJECTLCID
    d += _rec(0x0014, struct.pack("<I", 0x0409))  # PROJECTLCIDINVOKE
    d += _rec(0x0003, struct.pack("<H", CODEPAGE))  # PROJECTCODEPAGE
    d += _rec(0x0004, project.encode("cp1252"))  # PROJECTNAME
    d += _str_pair(0x0005, "", 0x0040)  # PROJECTDOCSTRING
    d += _str_pair(0x0006, "", 0x003D)  # PROJECTHELPFILEPATH
    d += _rec(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    d += _rec(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    d += struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION (Reserved=4, major, minor)
    d += _str_pair(0x000C, "", 0x003C)  # PROJECTCONSTANTS
    # One reference: OLE Automation (stdole), as every Office project has.
    d += _str_pair(0x0016, "stdole", 0x003E)  # REFERENCENAME
    libid = b"*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\\Windows\\System32\\stdole2.tlb#OLE Automation"
    d += _rec(0x000D, struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0))  # REFERENCEREGISTERED
    d += _rec(0x000F, struct.pack("<H", len(modules)))  # PROJECTMODULES
    d += _rec(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for name, kind, _src in modules:
        d += _rec(0x0019, name.encode("cp1252"))  # MODULENAME
        d += _rec(0x0047, name.encode("utf-16-le"))  # MODULENAMEUNICODE
        d += _str_pair(0x001A, name, 0x0032)  # MODULESTREAMNAME
        d += _str_pair(0x001C, "", 0x0048)  # MODULEDOCSTRING
        d += _rec(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: the source starts the stream
        d += _rec(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        d += _rec(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        d += struct.pack("<HI", 0x0021 if kind == "module" else 0x0022, 0)  # MODULETYPE
        d += struct.pack("<HI", 0x002B, 0)  # module terminator
    d += struct.pack("<HI", 0x0010, 0)  # dir terminator
    return bytes(d)


def build_vba_project(project, modules):
    """modules: [(name, "module"|"document", source)] (ASCII source, CRLF line ends)."""
    lines = ['ID="{5E3A1C2B-8F4D-4B6A-9C1E-2D7F0A4B8C31}"']
    for name, kind, _ in modules:
        lines.append(("Module=%s" % name) if kind == "module" else ("Document=%s/&H00000000" % name))
    lines += ['Name="%s"' % project, 'HelpContextID="0"', 'VersionCompatible32="393222000"', "",
              "[Host Extender Info]", "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000", "",
              "[Workspace]"]
    lines += ["%s=0, 0, 0, 0, C" % name for name, _, _ in modules]
    project_stream = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    wm = bytearray()
    for name, _, _ in modules:
        wm += name.encode("cp1252") + b"\0" + name.encode("utf-16-le") + b"\0\0"
    wm += b"\0\0"
    streams = {
        "PROJECT": project_stream,
        "PROJECTwm": bytes(wm),
        "VBA/_VBA_PROJECT": bytes([0xCC, 0x61, 0xFF, 0xFF, 0x00, 0x00, 0x00]),
        "VBA/dir": ovba_compress(_dir_stream(project, modules)),
    }
    for name, _, src in modules:
        streams["VBA/" + name] = ovba_compress(src.encode("cp1252"))
    return write_cfb(streams)


DOCUMENT_ATTRS = (
    'Attribute VB_Base = "0{00020819-0000-0000-C000-000000000046}"\r\n'
    "Attribute VB_GlobalNameSpace = False\r\n"
    "Attribute VB_Creatable = False\r\n"
    "Attribute VB_PredeclaredId = True\r\n"
    "Attribute VB_Exposed = True\r\n"
    "Attribute VB_TemplateDerived = False\r\n"
    "Attribute VB_Customizable = True\r\n"
)

KAM_MACROS = (
    'Attribute VB_Name = "KamMacros"\r\n'
    "Option Explicit\r\n"
    "\r\n"
    "' Shades the rows of lost accounts in the customer archive (sheet 2, table Customers).\r\n"
    "Sub ShadeLostAccounts()\r\n"
    "    Dim c As Range\r\n"
    "    For Each c In ThisWorkbook.Worksheets(2).ListObjects(\"Customers\").ListColumns(8).DataBodyRange\r\n"
    "        If c.Value = ChrW(&H6D41) & ChrW(&H5931) Then c.EntireRow.Interior.Color = RGB(255, 230, 230)\r\n"
    "    Next c\r\n"
    "End Sub\r\n"
)


def kam_vba_project():
    return build_vba_project("VBAProject", [
        ("ThisWorkbook", "document", 'Attribute VB_Name = "ThisWorkbook"\r\n' + DOCUMENT_ATTRS),
        ("KamMacros", "module", KAM_MACROS),
    ])
