"""
A minimal writer of Compound File Binary files ([MS-CFB], the "OLE2" container of .xls,
vbaProject.bin and oleObject*.bin), version 3 (512-byte sectors), with a mini stream for the
streams under 4096 bytes as the format requires. Enough for the corpus generator: a few
storages and streams, written once; no editing, no DIFAT beyond the 109 header entries.

    write_cfb({"PROJECT": b"...", "VBA/dir": b"...", "VBA/Module1": b"..."}, clsids={"": CLSID})

Storages are implied by the paths ("VBA/dir" creates the storage "VBA"). Deterministic: no
time stamps are written (they are optional in the format).
"""
import struct

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


class _Node:
    def __init__(self, name, kind, data=b""):
        self.name, self.kind, self.data = name, kind, data  # kind: 1 storage, 2 stream, 5 root
        self.children = {}
        self.sid = None
        self.left = self.right = self.child = NOSTREAM
        self.color = 1  # black
        self.start = ENDOFCHAIN
        self.clsid = b"\0" * 16


def _key(name):
    # [MS-CFB] 2.6.4: shorter names first, then a case-insensitive compare (upper case).
    return (len(name), name.upper())


def _tree(nodes, depth, maxdepth, full):
    """Balanced binary tree of the sorted siblings; the last level red when it is not full."""
    if not nodes:
        return NOSTREAM
    mid = len(nodes) // 2
    n = nodes[mid]
    n.color = 0 if (depth == maxdepth and not full) else 1
    n.left = _tree(nodes[:mid], depth + 1, maxdepth, full)
    n.right = _tree(nodes[mid + 1:], depth + 1, maxdepth, full)
    return n.sid


def _depth(count):
    d = 0
    while (1 << (d + 1)) - 1 < count:
        d += 1
    return d, (1 << (d + 1)) - 1 == count  # index of the last level, and whether it is full


def write_cfb(streams, clsids=None):
    root = _Node("Root Entry", 5)
    for path, data in streams.items():
        parts = path.split("/")
        node = root
        for p in parts[:-1]:
            node = node.children.setdefault(p, _Node(p, 1))
        node.children[parts[-1]] = _Node(parts[-1], 2, bytes(data))
    for path, clsid in (clsids or {}).items():
        node = root
        for p in [x for x in path.split("/") if x]:
            node = node.children[p]
        node.clsid = clsid

    # Directory order: breadth first, the root first.
    order, queue = [], [root]
    while queue:
        n = queue.pop(0)
        n.sid = len(order)
        order.append(n)
        queue.extend(sorted(n.children.values(), key=lambda c: _key(c.name)))
    for n in order:
        kids = sorted(n.children.values(), key=lambda c: _key(c.name))
        if kids:
            d, full = _depth(len(kids))
            n.child = _tree(kids, 0, d, full)

    # Mini stream: the small streams, 64-byte aligned.
    mini_data, mini_fat = bytearray(), []
    big = []
    for n in order:
        if n.kind != 2:
            continue
        if len(n.data) < CUTOFF:
            if not n.data:
                n.start = ENDOFCHAIN
                continue
            first = len(mini_data) // MINI
            count = (len(n.data) + MINI - 1) // MINI
            n.start = first
            mini_fat.extend(list(range(first + 1, first + count)) + [ENDOFCHAIN])
            mini_data += n.data + b"\0" * (count * MINI - len(n.data))
        else:
            big.append(n)
    root.data = bytes(mini_data)

    def nsect(size):
        return (size + SECTOR - 1) // SECTOR

    dir_bytes = 128 * len(order)
    n_dir = nsect(dir_bytes)
    n_minifat = nsect(4 * len(mini_fat))
    n_ministream = nsect(len(mini_data))
    n_big = sum(nsect(len(n.data)) for n in big)
    n_fat = 1
    while True:
        total = n_fat + n_dir + n_minifat + n_ministream + n_big
        if (total + SECTOR // 4 - 1) // (SECTOR // 4) <= n_fat:
            break
        n_fat += 1
    if n_fat > 109:
        raise ValueError("file too large for this writer (needs DIFAT sectors)")

    fat = []
    sect = 0

    def chain(count):
        nonlocal sect
        first = sect
        for i in range(count):
            fat.append(sect + 1 if i < count - 1 else ENDOFCHAIN)
            sect += 1
        return first if count else ENDOFCHAIN

    fat_first = sect
    for _ in range(n_fat):
        fat.append(FATSECT)
        sect += 1
    dir_first = chain(n_dir)
    minifat_first = chain(n_minifat)
    root.start = chain(n_ministream) if mini_data else ENDOFCHAIN
    for n in big:
        n.start = chain(nsect(len(n.data)))
    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))

    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, n_fat)
    struct.pack_into("<I", header, 48, dir_first)
    struct.pack_into("<I", header, 56, CUTOFF)
    struct.pack_into("<I", header, 60, minifat_first if n_minifat else ENDOFCHAIN)
    struct.pack_into("<I", header, 64, n_minifat)
    struct.pack_into("<I", header, 68, ENDOFCHAIN)  # no DIFAT sectors
    struct.pack_into("<I", header, 72, 0)
    for i in range(109):
        struct.pack_into("<I", header, 76 + 4 * i, fat_first + i if i < n_fat else FREESECT)

    out = bytearray(header)
    out += struct.pack("<%dI" % len(fat), *fat)

    d = bytearray()
    for n in order:
        e = bytearray(128)
        name = n.name.encode("utf-16-le")
        if len(name) > 62:
            raise ValueError("name too long: " + n.name)
        e[0:len(name)] = name
        struct.pack_into("<H", e, 64, len(name) + 2)
        e[66] = n.kind
        e[67] = n.color
        struct.pack_into("<III", e, 68, n.left, n.right, n.child)
        e[80:96] = n.clsid
        size = len(n.data) if n.kind in (2, 5) else 0
        start = n.start if n.kind in (2, 5) else 0
        struct.pack_into("<I", e, 116, start)
        struct.pack_into("<Q", e, 120, size)
        d += e
    while len(d) % SECTOR:
        e = bytearray(128)
        struct.pack_into("<III", e, 68, NOSTREAM, NOSTREAM, NOSTREAM)
        d += e
    out += d
    mf = mini_fat + [FREESECT] * (n_minifat * (SECTOR // 4) - len(mini_fat))
    out += struct.pack("<%dI" % len(mf), *mf)
    out += mini_data + b"\0" * (n_ministream * SECTOR - len(mini_data))
    for n in big:
        out += n.data + b"\0" * (nsect(len(n.data)) * SECTOR - len(n.data))
    return bytes(out)


def ovba_compress(data):
    """[MS-OVBA] 2.4.1 compression: 4096-byte chunks of literal and copy tokens (greedy
    longest match inside the chunk), a chunk stored raw when that is not smaller."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), 4096):
        chunk = data[start:start + 4096]
        body = bytearray()
        pos = 0
        while pos < len(chunk):
            flag_at = len(body)
            body.append(0)
            for bit in range(8):
                if pos >= len(chunk):
                    break
                bc = max((pos - 1).bit_length(), 4) if pos else 4
                max_len = (0xFFFF >> bc) + 3
                best_len, best_off = 0, 0
                for cand in range(pos - 1, max(-1, pos - (1 << bc) - 1), -1):
                    n = 0
                    while n < max_len and pos + n < len(chunk) and chunk[cand + n] == chunk[pos + n]:
                        n += 1
                    if n > best_len:
                        best_len, best_off = n, pos - cand
                        if n == max_len:
                            break
                if best_len >= 3:
                    body[flag_at] |= 1 << bit
                    body += struct.pack("<H", ((best_off - 1) << (16 - bc)) | (best_len - 3))
                    pos += best_len
                else:
                    body.append(chunk[pos])
                    pos += 1
        if len(body) + 2 <= 4098 and not (len(chunk) == 4096 and len(body) >= 4096):
            out += struct.pack("<H", (len(body) + 2 - 3) | (0b011 << 12) | 0x8000)
            out += body
        else:
            if len(chunk) != 4096:
                raise ValueError("a short last chunk that does not compress")
            out += struct.pack("<H", 4095 | (0b011 << 12))  # a raw chunk: size field 4095 (2 + 4096 bytes)
            out += chunk
    return bytes(out)


def ovba_decompress(data):
    """The inverse, for self-checks (handles copy tokens too)."""
    assert data[0] == 1
    out = bytearray()
    pos = 1
    while pos < len(data):
        hdr = struct.unpack_from("<H", data, pos)[0]
        size = (hdr & 0x0FFF) + 3
        end = pos + size
        pos += 2
        start = len(out)
        if not hdr & 0x8000:
            out += data[pos:pos + 4096]
            pos += 4096
            continue
        while pos < end:
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= end:
                    break
                if not flags & (1 << bit):
                    out.append(data[pos])
                    pos += 1
                else:
                    tok = struct.unpack_from("<H", data, pos)[0]
                    pos += 2
                    diff = len(out) - start
                    bc = max((diff - 1).bit_length(), 4)
                    length = (tok & (0xFFFF >> bc)) + 3
                    offset = (tok >> (16 - bc)) + 1
                    for _ in range(length):
                        out.append(out[-offset])
    return bytes(out)
