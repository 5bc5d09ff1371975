"""The X server as bench_peers.py sees it: one connection that is the
screen's window manager (every top-level window gets the whole screen),
DAMAGE on the root timed by the server's clock, XTest input, and
read-backs of screen regions; plus the pixel tests the measurements use.

Needs python-xlib (bench/install-peers.sh); importing this module without
it fails with ImportError, which bench_peers.py reports.
"""

from __future__ import annotations

import contextlib
import select
import struct
import sys
import time
import zlib
from pathlib import Path

from Xlib import X, XK, display as xdisplay
from Xlib import error as xerror
from Xlib.ext import damage, xtest
from Xlib.protocol import event as xevent

#: The screen every window is given (bench_peers runs Xvfb at this size).
WIDTH, HEIGHT = 1400, 900

Rect = tuple[int, int, int, int]  # x, y, width, height on the screen


def region(fractions: tuple[float, float, float, float], geometry: Rect) -> Rect:
    x, y, w, h = geometry
    left, top, right, bottom = fractions
    return (x + round(w * left), y + round(h * top), round(w * (right - left)), round(h * (bottom - top)))


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


class Screen:
    """One connection to the X server: damage on the whole screen, XTest input, read-backs."""

    def __init__(self) -> None:
        self.d = xdisplay.Display()
        self.d.set_error_handler(self._x_error)
        self.root = self.d.screen().root
        # SubstructureRedirect makes us the window manager: every top-level
        # window gets the screen's size before it is first mapped.
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask | X.SubstructureRedirectMask)
        self.d.damage_query_version()  # required before any other DAMAGE request
        self.root.damage_create(damage.DamageReportRawRectangles)
        self.damage_event = self.d.extension_event.DamageNotify
        self.d.sync()
        # Damage since the last drain: (sequence number, time, rect, the regions
        # read back since, which include it).
        self.pending: list[tuple[int, float, Rect, set[Rect]]] = []
        self.toplevel = None  # the last top-level window mapped
        self.server_clock = False  # events() reads it while the check runs
        self.server_clock = self._server_clock_is_monotonic()

    def close(self) -> None:
        self.d.close()

    @staticmethod
    def _x_error(err, request) -> None:
        # A window that is gone by the time we configure or map it is no
        # error of ours; anything else is shown.
        if not isinstance(err, (xerror.BadWindow, xerror.BadDrawable)):
            print(f"X error: {err}", file=sys.stderr)

    def _server_clock_is_monotonic(self) -> bool:
        # A property change on the root is stamped by the server: compare.
        mask = X.SubstructureNotifyMask | X.SubstructureRedirectMask
        self.root.change_attributes(event_mask=mask | X.PropertyChangeMask)
        atom = self.d.intern_atom("_GALLEY_BENCH_CLOCK")
        self.root.change_property(atom, self.d.intern_atom("STRING"), 8, b"x")
        self.d.flush()
        for ev in self.events(time.monotonic() + 2):
            if ev.type == X.PropertyNotify and ev.atom == atom:
                self.root.change_attributes(event_mask=mask)
                self.root.delete_property(atom)
                self.d.sync()
                return abs(self._to_monotonic(ev.time) - time.monotonic()) < 0.05
        return False

    @staticmethod
    def _to_monotonic(stamp: int) -> float:
        now = int(time.monotonic() * 1000)
        delta = (stamp - now) % (1 << 32)
        if delta >= 1 << 31:
            delta -= 1 << 32
        return (now + delta) / 1000

    def events(self, deadline: float):
        """X events until `deadline`; damage is also queued in self.pending."""
        while True:
            while self.d.pending_events():
                ev = self.d.next_event()
                if ev.type == self.damage_event:
                    a = ev.area
                    t = self._to_monotonic(ev.timestamp) if self.server_clock else time.monotonic()
                    self.pending.append((ev.sequence_number, t, (a.x, a.y, a.width, a.height), set()))
                elif ev.type in (X.MapRequest, X.ConfigureRequest):
                    self._manage(ev)
                elif ev.type == X.MapNotify and not ev.override:
                    self.toplevel = ev.window  # ReText's first window is replaced by a second
                elif ev.type == X.DestroyNotify and self.toplevel and ev.window.id == self.toplevel.id:
                    self.toplevel = None
                yield ev
            left = deadline - time.monotonic()
            if left <= 0:
                return
            select.select([self.d], [], [], left)

    def _manage(self, ev) -> None:
        """What a window manager does with a maximised window: whatever size a
        top-level window asks for, it gets the screen; mapping is granted."""
        win = ev.window
        with contextlib.suppress(xerror.XError):  # the window may be gone already
            win.configure(x=0, y=0, width=WIDTH, height=HEIGHT, border_width=0)
            if ev.type == X.MapRequest:
                win.map()
            else:  # ICCCM 4.1.5: a request not granted as asked gets a synthetic ConfigureNotify
                win.send_event(xevent.ConfigureNotify(window=win, event=win, x=0, y=0, width=WIDTH,
                                                      height=HEIGHT, border_width=0, above_sibling=X.NONE,
                                                      override=False), event_mask=X.StructureNotifyMask)
            self.d.flush()

    def drain(self, seconds: float) -> None:
        for _ in self.events(time.monotonic() + seconds):
            pass
        self.pending.clear()

    def grab(self, rect: Rect) -> tuple[bytes, float | None]:
        """The pixels of `rect` (BGRX rows) and the time of the last damage
        to `rect` they include that an earlier grab of `rect` did not (None:
        no such damage)."""
        x, y, w, h = rect
        reply = self.root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF)
        # Events stamped with an earlier request's sequence number were
        # generated before the server executed this GetImage.
        seq = reply._serial & 0xFFFF
        for _ in self.events(time.monotonic()):  # queue what arrived with the reply
            pass
        times = []
        for s, t, r, seen in self.pending:
            if s != seq and (seq - s) % 0x10000 < 0x8000 and rect not in seen and overlaps(r, rect):
                seen.add(rect)
                times.append(t)
        return reply.data, (max(times) if times else None)

    def damaged(self, rect: Rect) -> bool:
        """Has `rect` been drawn to since it was last read back?"""
        return any(rect not in seen and overlaps(r, rect) for _s, _t, r, seen in self.pending)

    def key(self, name: str, *mods: str) -> float:
        """Press and release a key (with modifiers held); the time just before."""
        codes = [self.d.keysym_to_keycode(XK.string_to_keysym(m)) for m in mods]
        code = self.d.keysym_to_keycode(XK.string_to_keysym(name))
        t = time.monotonic()
        for c in codes:
            xtest.fake_input(self.d, X.KeyPress, c)
        xtest.fake_input(self.d, X.KeyPress, code)
        xtest.fake_input(self.d, X.KeyRelease, code)
        for c in reversed(codes):
            xtest.fake_input(self.d, X.KeyRelease, c)
        self.d.flush()
        return t

    def click(self, x: int, y: int) -> None:
        xtest.fake_input(self.d, X.MotionNotify, x=x, y=y)
        xtest.fake_input(self.d, X.ButtonPress, 1)
        xtest.fake_input(self.d, X.ButtonRelease, 1)
        self.d.flush()

    def screenshot(self, path: Path) -> None:
        data, _ = self.grab((0, 0, WIDTH, HEIGHT))
        write_png(path, data, WIDTH, HEIGHT)


def write_png(path: Path, bgrx: bytes, width: int, height: int) -> None:
    rgb = bytearray(width * height * 3)
    rgb[0::3], rgb[1::3], rgb[2::3] = bgrx[2::4], bgrx[1::4], bgrx[0::4]
    stride = width * 3
    raw = b"".join(b"\0" + rgb[i:i + stride] for i in range(0, len(rgb), stride))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def blank(pixels: bytes) -> bool:
    """True when at most 1% of the pixels differ from the most common one
    (sampled: the colour of every 97th pixel)."""
    samples = [pixels[i:i + 4] for i in range(0, len(pixels) - 3, 4 * 97)]
    common = max(set(samples), key=samples.count)
    return 1 - pixels.count(common) * 4 / len(pixels) <= 0.01


def changed_width(before: bytes, after: bytes, width: int) -> int:
    """Width in pixels of the bounding box of the pixels that differ."""
    stride, left, right = width * 4, None, None
    for i in range(0, len(before), stride):
        a, b = before[i:i + stride], after[i:i + stride]
        if a != b:
            # The XOR of the rows as integers: its highest and lowest set
            # bits are the first and last bytes that differ.
            x = int.from_bytes(a, "big") ^ int.from_bytes(b, "big")
            first = stride - (x.bit_length() + 7) // 8
            last = stride - ((x & -x).bit_length() + 7) // 8
            left = first if left is None else min(left, first)
            right = last if right is None else max(right, last)
    return 0 if left is None else right // 4 - left // 4 + 1
