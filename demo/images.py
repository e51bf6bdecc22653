"""Pictures for the demo content, drawn locally with Pillow.

The demo loader needs product photos, artisan portraits and story illustrations without network
access or bundled image files, so everything here is painted from simple shapes. The same
arguments always give the same pixels: each picture seeds its own ``random.Random``.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

PRODUCT_KINDS = ("painting", "stool", "chair", "table", "shelf", "shirt", "dress", "bag", "vase",
                 "basket", "lamp", "mask", "cushion", "sculpture")  # fmt: skip
SCENE_KINDS = ("workshop", "market", "landscape", "hands", "classroom", "street")

INDIGO, OCHRE, TERRACOTTA = (40, 56, 112), (207, 146, 55), (186, 88, 55)
GREEN, CREAM, RED = (54, 114, 78), (240, 228, 204), (168, 52, 48)
DARK, STRAW, METAL = (46, 34, 30), (214, 178, 116), (140, 146, 152)
TONES = (INDIGO, OCHRE, TERRACOTTA, GREEN, CREAM, RED)
WOODS = ((122, 80, 46), (152, 102, 60), (104, 66, 42), (170, 122, 74))
SKINS = ((92, 58, 40), (120, 78, 52), (72, 46, 33), (138, 94, 64))
BACKDROPS = ((236, 228, 214), (222, 214, 200), (212, 220, 222), (228, 222, 206), (232, 216, 204))
WALLS = (OCHRE, TERRACOTTA, (70, 120, 170), GREEN, (226, 150, 140), CREAM, (238, 200, 90))
WAX_MOTIFS = ("rings", "diamonds", "bands")
BAND_ROWS = (4, 5, 10, 11, 16)  # the rows of a basket's coil in coloured plastic
SUPERSAMPLE = 2  # draw at twice the size, then reduce: cheap anti-aliasing for polygon edges


def _rng(*parts: str) -> random.Random:
    """A private generator; str seeds are hashed with SHA-512, so every run is reproducible."""
    return random.Random("\x1f".join(parts))  # noqa: S311 - pictures, not secrets


def _mix(a, b, t):
    """Colour a moved towards colour b by t (0..1)."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _dark(colour, t=0.3):
    return _mix(colour, (0, 0, 0), t)


def _light(colour, t=0.3):
    return _mix(colour, (255, 255, 255), t)


def _gradient(size, start, end, horizontal=False):
    """A linear gradient made by stretching Pillow's 256-step ramp (no per-pixel loops)."""
    ramp = Image.linear_gradient("L")
    if horizontal:
        ramp = ramp.transpose(Image.Transpose.ROTATE_90)
    mask = ramp.resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


class _Pen:
    """Draws in unit coordinates (x as a fraction of the width, y of the height) and, for
    products, into a silhouette mask as well so the object can be shaded and cut out."""

    def __init__(self, image, mask=None):
        self.image, (self.w, self.h) = image, image.size
        self.d = ImageDraw.Draw(image, "RGBA")  # RGBA mode lets fills carry alpha (light, shade)
        self.m = ImageDraw.Draw(mask) if mask is not None else None

    def _do(self, method, fill, *args, **kw):
        getattr(self.d, method)(*args, fill=fill, **kw)
        if self.m is not None:
            getattr(self.m, method)(*args, fill=255, **kw)

    def xy(self, pts):
        return [(x * self.w, y * self.h) for x, y in pts]

    def box(self, x0, y0, x1, y1):
        return (x0 * self.w, y0 * self.h, max(x0, x1) * self.w, max(y0, y1) * self.h)

    def poly(self, pts, fill):
        self._do("polygon", fill, self.xy(pts))

    def rect(self, x0, y0, x1, y1, fill, r=0.0):
        self._do("rounded_rectangle", fill, self.box(x0, y0, x1, y1), radius=r * self.w)

    def oval(self, x0, y0, x1, y1, fill):
        self._do("ellipse", fill, self.box(x0, y0, x1, y1))

    def circle(self, cx, cy, r, fill):
        """r is a fraction of the height, so circles stay round on wide canvases."""
        self.oval(cx - r * self.h / self.w, cy - r, cx + r * self.h / self.w, cy + r, fill)

    def line(self, pts, fill, width, cap=False):
        px, wpx = self.xy(pts), max(1, round(width * self.w))
        self._do("line", fill, px, width=wpx, joint="curve")
        for x, y in (px[0], px[-1]) if cap else ():  # round ends read as limbs and brush marks
            self._do("ellipse", fill, (x - wpx / 2, y - wpx / 2, x + wpx / 2, y + wpx / 2))

    def arc(self, x0, y0, x1, y1, start, end, fill, width):
        self._do("arc", fill, self.box(x0, y0, x1, y1), start, end, width=round(width * self.w))


def _clipped(p, pts, ground, paint):
    """Run paint(pen) on a scratch layer and keep only what falls inside the polygon."""
    layer, clip = Image.new("RGB", p.image.size, ground), Image.new("L", p.image.size, 0)
    paint(_Pen(layer))
    ImageDraw.Draw(clip).polygon(p.xy(pts), fill=255)
    p.image.paste(layer, mask=clip)
    if p.m is not None:
        p.m.polygon(p.xy(pts), fill=255)


def _wax(rng, c):
    """(ground, painter) for a wax-print fabric: one motif tile repeated in offset rows."""
    ground, motif, accent = c[0], c[1], c[2]
    style, scale = rng.randrange(3), rng.uniform(0.055, 0.085)

    def paint(pen):
        step = max(8, round(pen.w * scale))
        tile = Image.new("RGB", (step, step), ground)
        t, q = ImageDraw.Draw(tile), step / 8
        if style == 0:  # concentric rings
            for inset, col in ((1, motif), (2.5, accent), (3.4, ground)):
                t.ellipse((inset * q, inset * q, step - inset * q, step - inset * q), fill=col)
        elif style == 1:  # diamond and dot
            t.polygon([(4 * q, q), (7 * q, 4 * q), (4 * q, 7 * q), (q, 4 * q)], fill=motif)
            t.ellipse((3 * q, 3 * q, 5 * q, 5 * q), fill=accent)
        else:  # band and seed
            t.rectangle((0, 0, step, 2 * q), fill=motif)
            t.ellipse((2 * q, 3.5 * q, 6 * q, 7.5 * q), fill=accent)
        for row, y in enumerate(range(0, pen.h, step)):
            for x in range(-(step // 2) * (row % 2), pen.w, step):
                pen.image.paste(tile, (x, y))

    paint.motif = WAX_MOTIFS[style]  # what `product_facts` reports
    return ground, paint


def _radius(radii, t):
    """Half-width of a turned profile at height t (0 top, 1 bottom), cosine-eased between
    the control widths so the outline stays smooth."""
    pos = t * (len(radii) - 1)
    i = min(int(pos), len(radii) - 2)
    return radii[i] + (radii[i + 1] - radii[i]) * (1 - math.cos((pos - i) * math.pi)) / 2


def _lathe(cx, top, bottom, radii, n=32):
    """Outline polygon of a turned object: vase, pot, basket."""
    left = [(cx - _radius(radii, k / n), top + (bottom - top) * k / n) for k in range(n + 1)]
    return left + [(2 * cx - x, y) for x, y in reversed(left)]


def _mirror(pts):
    return [(1 - x, y) for x, y in pts]


def _baobab(p, x, base, h, col, rng):
    """A baobab: fat trunk, a crown of short thick branches that fork into twigs."""
    a, top = p.h / p.w, base - h * 0.55  # a keeps proportions on wide canvases
    tw = h * 0.17 * a
    p.poly([(x - tw, base), (x - tw * 0.8, base - h * 0.3), (x - tw * 0.55, top),
            (x + tw * 0.55, top), (x + tw * 0.8, base - h * 0.3), (x + tw, base)], col)
    for k in range(-2, 3):
        ang = k * 0.5 + rng.uniform(-0.15, 0.15)
        start = (x + k * tw * 0.25, top + 0.06 * h)
        end = (start[0] + math.sin(ang) * 0.3 * h * a, top - math.cos(ang) * 0.22 * h)
        p.line([start, end], col, h * a * (0.07 - 0.01 * abs(k)), cap=True)
        for fork in (-0.4, 0.4):
            tip = (end[0] + math.sin(ang + fork) * 0.13 * h * a,
                   end[1] - math.cos(ang + fork) * 0.1 * h)
            p.line([end, tip], col, h * a * 0.025)
            p.oval(tip[0] - 0.05 * h * a, tip[1] - 0.018 * h, tip[0] + 0.05 * h * a,
                   tip[1] + 0.012 * h, col)


# --- products: each draws inside the unit square, standing on y ~ 0.86 ----------------------


def _painting(p, rng, c, wood):
    p.rect(0.2, 0.14, 0.8, 0.82, _dark(wood, 0.25))
    p.rect(0.22, 0.16, 0.78, 0.8, _light(wood, 0.2))
    x0, y0, x1, y1 = 0.235, 0.175, 0.765, 0.785
    if rng.random() < 0.5:  # a small savanna landscape
        sky = rng.choice((OCHRE, TERRACOTTA, INDIGO))
        p.rect(x0, y0, x1, y1, _light(sky, 0.45))
        p.circle(rng.uniform(0.35, 0.65), rng.uniform(0.28, 0.38), 0.05, _light(OCHRE, 0.35))
        for k, col in enumerate((_light(GREEN, 0.3), OCHRE, TERRACOTTA)):
            base, f, ph = 0.52 + 0.08 * k, rng.uniform(7, 14), rng.uniform(0, 6)
            pts = [(x0 + (x1 - x0) * i / 20, base - 0.03 * math.sin(i * f / 20 + ph))
                   for i in range(21)]
            p.poly(pts + [(x1, y1), (x0, y1)], col)
        _baobab(p, rng.uniform(0.35, 0.65), 0.68, 0.24, DARK, rng)
        return {"scene": "landscape", "colours": (sky,)}
    p.rect(x0, y0, x1, y1, CREAM)  # abstract: colour fields, then curved brush strokes
    fields = rng.sample(c, 3)
    for col in fields:
        bx, by = rng.uniform(x0, x1 - 0.2), rng.uniform(y0, y1 - 0.2)
        p.rect(bx, by, bx + rng.uniform(0.1, 0.2), by + rng.uniform(0.12, 0.2), (*col, 150))
    for _ in range(rng.randint(6, 9)):
        sx, sy, ang = rng.uniform(x0, x1), rng.uniform(y0, y1), rng.uniform(0, math.tau)
        pts = [(min(x1 - 0.02, max(x0 + 0.02, sx + 0.03 * i * math.cos(ang + 0.15 * i))),
                min(y1 - 0.02, max(y0 + 0.02, sy + 0.03 * i * math.sin(ang + 0.15 * i))))
               for i in range(8)]
        p.line(pts, (*rng.choice(c), 230), rng.uniform(0.01, 0.025), cap=True)
    return {"scene": "abstract", "colours": tuple(fields)}


def _stool(p, rng, c, wood):
    light, dark = _light(wood, 0.2), _dark(wood, 0.3)
    p.rect(0.49, 0.52, 0.53, 0.8, _dark(wood, 0.5))
    leg = [(0.33, 0.52), (0.4, 0.52), (0.33, 0.88), (0.27, 0.88)]
    p.poly(leg, dark)
    p.poly(_mirror(leg), dark)
    p.rect(0.33, 0.71, 0.67, 0.735, wood)
    p.oval(0.24, 0.45, 0.76, 0.59, dark)
    p.rect(0.24, 0.44, 0.76, 0.52, wood)
    p.oval(0.24, 0.37, 0.76, 0.51, light)
    p.oval(0.31, 0.4, 0.69, 0.48, _mix(light, wood, 0.5))
    band = rng.choice(c)
    p.line([(0.25 + 0.025 * i, 0.48 + 0.025 * (i % 2)) for i in range(21)], band, 0.008)
    return {"colours": (band,)}


def _chair(p, rng, c, wood):
    dark, light = _dark(wood, 0.35), _light(wood, 0.15)
    p.rect(0.37, 0.16, 0.4, 0.82, wood)  # back legs run up into the back posts
    p.rect(0.61, 0.16, 0.64, 0.82, dark)
    for y in (0.22, 0.3, 0.38):
        p.rect(0.37, y, 0.64, y + 0.035, light)

    def weave(pen):  # the plastic-cord seats common on Senegalese chairs
        for i in range(40):
            x = 0.2 + i * 0.014
            pen.line([(x, 0.5), (x + 0.12, 0.7)], _light(c[1], 0.2), 0.004)
            pen.line([(x + 0.12, 0.5), (x, 0.7)], _dark(c[1], 0.2), 0.003)

    _clipped(p, [(0.37, 0.56), (0.64, 0.56), (0.71, 0.65), (0.29, 0.65)], c[1], weave)
    p.rect(0.29, 0.65, 0.71, 0.68, wood)
    p.rect(0.29, 0.68, 0.32, 0.88, wood)
    p.rect(0.68, 0.68, 0.71, 0.88, dark)
    p.rect(0.32, 0.78, 0.68, 0.8, dark)
    return {"colours": (c[1],)}


def _table(p, rng, c, wood):
    for x in (0.18, 0.79):
        p.rect(x, 0.56, x + 0.03, 0.8, _dark(wood, 0.5))
    p.poly([(0.16, 0.5), (0.84, 0.5), (0.92, 0.58), (0.08, 0.58)], _light(wood, 0.15))
    p.rect(0.08, 0.58, 0.92, 0.62, wood)
    p.rect(0.12, 0.62, 0.88, 0.66, _dark(wood, 0.35))
    p.rect(0.11, 0.62, 0.15, 0.88, wood)
    p.rect(0.85, 0.62, 0.89, 0.88, _dark(wood, 0.35))
    for x, y in ((0.44, 0.45), (0.5, 0.44), (0.56, 0.45), (0.47, 0.42), (0.53, 0.42)):
        p.circle(x, y, 0.028, rng.choice((OCHRE, RED, GREEN)))  # fruit in a bowl on top
    p.poly(_lathe(0.5, 0.46, 0.54, [0.12, 0.1, 0.05]), c[0])
    return {"colours": (c[0],)}


def _shelf(p, rng, c, wood):
    for x in (0.24, 0.73):
        p.rect(x, 0.12, x + 0.03, 0.88, _dark(wood, 0.2))
    for y in (0.14, 0.33, 0.52, 0.71):
        p.rect(0.24, y, 0.76, y + 0.025, _light(wood, 0.15))
        p.rect(0.24, y + 0.025, 0.76, y + 0.035, _dark(wood, 0.3))
        goods, x = rng.randrange(3), 0.29
        while y > 0.2 and x < 0.69:  # something different on each lower board
            if goods == 0:  # books
                w, h = rng.uniform(0.025, 0.04), rng.uniform(0.1, 0.15)
                p.rect(x, y - h, x + w, y, rng.choice(c))
                x += w + 0.004
            elif goods == 1:  # small pots
                h = rng.uniform(0.07, 0.12)
                p.poly(_lathe(x + 0.04, y - h, y, [0.02, 0.04, 0.03], n=12), rng.choice(c))
                x += 0.1
            else:  # folded cloth
                p.rect(x, y - 0.04, x + 0.12, y, c[0], r=0.01)
                p.rect(x, y - 0.08, x + 0.12, y - 0.04, c[2], r=0.01)
                x += 0.15
    return {"colours": ()}  # books, pots and cloth of every colour


def _garment(p, rng, c, outline, neck):
    p.line([(0.5, 0.12), (0.5, 0.08), (0.52, 0.06)], METAL, 0.008)  # on a hanger
    p.line([(0.34, 0.2), (0.5, 0.12), (0.66, 0.2)], (120, 90, 60), 0.014, cap=True)
    ground, paint = _wax(rng, c)
    _clipped(p, outline, ground, paint)
    p.line(neck, c[3], 0.012)
    for x in (0.43, 0.57):  # folds
        p.line([(x, 0.45), (x + (x - 0.5) * 0.4, 0.8)], (0, 0, 0, 28), 0.007)
    return {"motif": paint.motif, "colours": (c[0], c[1], c[2])}


def _shirt(p, rng, c, wood):
    body = [(0.38, 0.2), (0.45, 0.17), (0.5, 0.22), (0.55, 0.17), (0.62, 0.2), (0.82, 0.36),
            (0.76, 0.43), (0.67, 0.36), (0.68, 0.84), (0.32, 0.84), (0.33, 0.36), (0.24, 0.43),
            (0.18, 0.36)]
    return _garment(p, rng, c, body, [(0.45, 0.17), (0.5, 0.22), (0.55, 0.17)])


def _dress(p, rng, c, wood):
    body = [(0.4, 0.18), (0.45, 0.16), (0.5, 0.23), (0.55, 0.16), (0.6, 0.18), (0.63, 0.32),
            (0.6, 0.44), (0.76, 0.86), (0.24, 0.86), (0.4, 0.44), (0.37, 0.32)]
    facts = _garment(p, rng, c, body, [(0.45, 0.16), (0.5, 0.23), (0.55, 0.16)])
    p.rect(0.395, 0.42, 0.605, 0.46, c[3])
    return facts


def _bag(p, rng, c, wood):
    leather = _dark(wood, 0.2)
    p.arc(0.36, 0.2, 0.64, 0.62, 180, 360, leather, 0.025)
    ground, paint = _wax(rng, c)
    _clipped(p, [(0.28, 0.42), (0.72, 0.42), (0.75, 0.86), (0.25, 0.86)], ground, paint)
    p.poly([(0.28, 0.42), (0.72, 0.42), (0.725, 0.48), (0.275, 0.48)], leather)
    p.poly([(0.255, 0.8), (0.745, 0.8), (0.75, 0.86), (0.25, 0.86)], leather)
    for x in (0.36, 0.6):
        p.rect(x, 0.4, x + 0.04, 0.52, _dark(leather, 0.2), r=0.01)
    return {"motif": paint.motif, "colours": (c[0], c[1], c[2])}


def _vase(p, rng, c, wood):
    radii = [0.085, 0.06, 0.075, rng.uniform(0.15, 0.2), rng.uniform(0.18, 0.23), 0.16, 0.1]
    body = rng.choice((TERRACOTTA, OCHRE, INDIGO, DARK))

    def stripes(pen):
        for y in (0.46, 0.62, 0.72):
            pen.rect(0, y, 1, y + 0.015, CREAM)
        zigzag = c[1] if c[1] != body else c[2]
        pen.line([(i * 0.02, 0.6 + 0.03 * (i % 2)) for i in range(51)], zigzag, 0.01)

    _clipped(p, _lathe(0.5, 0.22, 0.86, radii), body, stripes)
    p.oval(0.41, 0.205, 0.59, 0.235, _dark(body, 0.55))
    return {"colours": (body, CREAM, c[1] if c[1] != body else c[2])}


def _basket(p, rng, c, wood):
    bands = rng.sample(c, 3)

    def coil(pen):  # coiled grass with bands of coloured plastic, stitched row by row
        for i in range(22):
            y, band = 0.46 + i * 0.018, bands[i % 3] if i in BAND_ROWS else STRAW
            pen.rect(0, y, 1, y + 0.018, band)
            for k in range(40):
                x = k * 0.025 + (i % 2) * 0.0125
                pen.line([(x, y + 0.003), (x + 0.008, y + 0.015)], _dark(band, 0.3), 0.004)

    _clipped(p, _lathe(0.5, 0.46, 0.85, [0.29, 0.285, 0.26, 0.21, 0.17]), STRAW, coil)
    p.oval(0.2, 0.43, 0.8, 0.49, _light(STRAW, 0.1))
    p.oval(0.23, 0.445, 0.77, 0.48, _dark(STRAW, 0.45))
    for side in (0.2, 0.74):
        p.arc(side - 0.02, 0.42, side + 0.08, 0.5, 180, 360, _dark(STRAW, 0.15), 0.015)
    return {"colours": (STRAW, *sorted({bands[i % 3] for i in BAND_ROWS}, key=bands.index))}


def _lamp(p, rng, c, wood):
    p.oval(0.36, 0.83, 0.64, 0.89, _dark(wood, 0.3))
    p.rect(0.36, 0.82, 0.64, 0.86, wood)
    p.oval(0.36, 0.8, 0.64, 0.84, _light(wood, 0.15))
    p.rect(0.485, 0.5, 0.515, 0.82, wood)
    p.poly(_lathe(0.5, 0.6, 0.76, [0.03, 0.06, 0.04]), _dark(wood, 0.1))
    p.oval(0.24, 0.5, 0.76, 0.56, (255, 232, 160))  # light spilling from under the shade
    ground, paint = _wax(rng, c)
    _clipped(p, [(0.33, 0.2), (0.67, 0.2), (0.76, 0.53), (0.24, 0.53)], ground, paint)
    p.oval(0.33, 0.19, 0.67, 0.21, _dark(ground, 0.3))
    return {"motif": paint.motif, "colours": (c[0], c[1], c[2])}


def _mask(p, rng, c, wood):
    dark, light = _dark(wood, 0.5), _light(wood, 0.25)
    for x in (0.4, 0.46, 0.52, 0.58):
        p.poly([(x - 0.03, 0.2), (x + 0.01, 0.05), (x + 0.05, 0.2)], _dark(wood, 0.2))
    p.oval(0.35, 0.14, 0.65, 0.84, wood)
    p.rect(0.39, 0.27, 0.61, 0.3, dark)
    for x in (0.42, 0.46, 0.5, 0.54, 0.58):  # kaolin dots
        p.circle(x, 0.23, 0.008, CREAM)
    eye = [(0.38, 0.41), (0.43, 0.385), (0.48, 0.41), (0.43, 0.425)]
    for pts in (eye, _mirror(eye)):
        p.poly([(x, y - 0.02) for x, y in pts], light)
        p.poly(pts, dark)
    p.poly([(0.49, 0.38), (0.51, 0.38), (0.54, 0.58), (0.46, 0.58)], light)
    p.oval(0.45, 0.645, 0.55, 0.69, RED)
    p.rect(0.46, 0.66, 0.54, 0.672, dark)
    for x in (0.39, 0.58):  # cheek scarification
        for k in range(3):
            p.line([(x + 0.01 * k, 0.5), (x + 0.01 * k + 0.01, 0.6)], dark, 0.005)
    return {"colours": (CREAM, RED)}


def _cushion(p, rng, c, wood):
    pts = []
    for i in range(96):  # a rounded square, sides pulled in and corners out: a stuffed pillow
        a = math.tau * i / 96
        r = (abs(math.cos(a)) ** 3.5 + abs(math.sin(a)) ** 3.5) ** (-1 / 3.5)
        r *= 1 - 0.06 * math.cos(4 * a)
        pts.append((0.5 + 0.3 * r * math.cos(a), 0.62 + 0.22 * r * math.sin(a)))
    ground, paint = _wax(rng, c)
    _clipped(p, pts, ground, paint)
    p.line(pts + pts[:1], (0, 0, 0, 45), 0.05)  # the edges turn away from the light
    p.line(pts + pts[:1], c[3], 0.008)
    for cx, cy in ((0.2, 0.4), (0.8, 0.4), (0.2, 0.84), (0.8, 0.84)):
        p.line([(0.5, 0.62), (0.5 + (cx - 0.5) * 0.5, 0.62 + (cy - 0.62) * 0.5)],
               (0, 0, 0, 50), 0.01)  # creases from the tufting button
        p.line([(0.5 + (cx - 0.5) * 1.08, cy), (0.5 + (cx - 0.5) * 1.2, cy + 0.04)], c[3], 0.012,
               cap=True)
    p.circle(0.5, 0.62, 0.02, c[3])
    p.oval(0.3, 0.46, 0.55, 0.58, (255, 255, 255, 45))
    return {"motif": paint.motif, "colours": (c[0], c[1], c[2])}


def _sculpture(p, rng, c, wood):
    stone = rng.choice(((200, 192, 180), (150, 140, 132)))
    p.poly([(0.38, 0.72), (0.62, 0.72), (0.66, 0.69), (0.42, 0.69)], _light(stone, 0.2))
    p.rect(0.38, 0.72, 0.62, 0.88, stone)
    p.poly([(0.62, 0.72), (0.66, 0.69), (0.66, 0.85), (0.62, 0.88)], _dark(stone, 0.3))
    body = rng.choice(((58, 40, 32), (120, 80, 40), (90, 60, 40)))
    p.rect(0.45, 0.675, 0.57, 0.705, body, r=0.01)
    p.poly([(0.47, 0.69), (0.5, 0.69), (0.505, 0.52), (0.47, 0.52)], body)
    p.poly([(0.51, 0.69), (0.54, 0.69), (0.545, 0.52), (0.505, 0.52)], body)
    p.poly([(0.46, 0.53), (0.55, 0.53), (0.565, 0.36), (0.535, 0.27), (0.475, 0.27),
            (0.445, 0.36)], body)
    p.rect(0.497, 0.2, 0.515, 0.28, body)
    p.oval(0.47, 0.1, 0.54, 0.23, body)
    p.oval(0.475, 0.07, 0.535, 0.13, body)
    for s in (-1, 1):
        p.line([(0.505 + s * 0.045, 0.29), (0.505 + s * 0.07, 0.42), (0.505 + s * 0.03, 0.5)],
               body, 0.02, cap=True)
    p.line([(0.455, 0.36), (0.47, 0.5)], _light(body, 0.35), 0.006)
    return {"colours": (body, stone)}


_PRODUCTS = dict(zip(PRODUCT_KINDS, (_painting, _stool, _chair, _table, _shelf, _shirt, _dress,
                                      _bag, _vase, _basket, _lamp, _mask, _cushion, _sculpture),
                     strict=True))
_HANGING = {"painting", "shirt", "dress", "mask"}  # these cast their shadow on the wall


def _studio(size, colour):
    """Backdrop: a wall over a floor line, both softly graded, corners a little darker."""
    seam = round(size * 0.68)
    photo = Image.new("RGB", (size, size))
    photo.paste(_gradient((size, seam), _dark(colour, 0.12), _light(colour, 0.1)))
    photo.paste(_gradient((size, size - seam), _light(colour, 0.2), _dark(colour, 0.15)), (0, seam))
    ImageDraw.Draw(photo).line([(0, seam), (size, seam)], _dark(colour, 0.1), max(1, size // 500))
    ramp = Image.radial_gradient("L").resize(photo.size, Image.Resampling.BILINEAR)
    return ImageChops.multiply(photo, ramp.point(lambda v: 255 - v * 40 // 255).convert("RGB"))


def _shade(obj, bbox):
    """Light the object from the front left: darker to the right, a soft sheen on the left."""
    crop = obj.crop(bbox)
    ramp = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90)
    ramp = ramp.resize(crop.size, Image.Resampling.BILINEAR)
    shade = ramp.point(lambda v: 255 - v * 80 // 255).convert("RGB")
    sheen = ramp.point(lambda v: round(45 * math.exp(-(((v / 255) - 0.3) / 0.16) ** 2)))
    obj.paste(ImageChops.screen(ImageChops.multiply(crop, shade), sheen.convert("RGB")), bbox[:2])


def _shadow(size, mask, bbox, hanging):
    """Shadow mask: the silhouette offset onto the wall, or a soft ellipse on the floor."""
    small = max(16, size // 8)  # blurring at low resolution is much faster and just as soft
    if hanging:
        shadow = mask.resize((small, small), Image.Resampling.BILINEAR)
        shadow, opacity = ImageChops.offset(shadow, small * 3 // 100, small * 4 // 100), 0.35
    else:
        shadow, opacity = Image.new("L", (small, small), 0), 0.45
        x0, _, x1, y1 = (v * small / size for v in bbox)
        pad = (x1 - x0) * 0.06
        ImageDraw.Draw(shadow).ellipse((x0 - pad, y1 - small * 0.035, x1 + pad * 3,
                                        y1 + small * 0.02), fill=255)
    shadow = shadow.filter(ImageFilter.GaussianBlur(small * 0.015))
    return shadow.resize((size, size), Image.Resampling.BILINEAR).point(lambda v: v * opacity)


def _product_draw(kind, seed):
    """The generator and palette a product picture is drawn with, in the order drawn."""
    if kind not in _PRODUCTS:
        raise ValueError(f"Unknown product kind {kind!r}; expected one of {PRODUCT_KINDS}")
    rng = _rng("product", kind, seed)
    tones = rng.sample(TONES, len(TONES))
    wood, back = rng.choice(WOODS), rng.choice(BACKDROPS)
    return rng, tones, wood, back


def product_facts(kind: str, seed: str) -> dict:
    """What `product_photo(kind, seed)` draws, told by the painter itself: its main colours
    (RGB, in the order they dominate) and, for wax prints, the motif. Drawn on a tiny canvas
    with the same generator, so it can never disagree with the picture."""
    rng, tones, wood, _back = _product_draw(kind, seed)
    tiny = Image.new("RGB", (8, 8))
    return _PRODUCTS[kind](_Pen(tiny, Image.new("L", tiny.size)), rng, tones, wood)


def product_photo(kind: str, seed: str, size: int = 1200) -> Image.Image:
    """A square studio-style photo of one product of the given kind (see PRODUCT_KINDS).

    Palette, fabric pattern and small variations come from ``seed``. Raises ValueError for an
    unknown kind.
    """
    rng, tones, wood, back = _product_draw(kind, seed)
    big = size * SUPERSAMPLE
    obj, mask = Image.new("RGB", (big, big), back), Image.new("L", (big, big), 0)
    _PRODUCTS[kind](_Pen(obj, mask), rng, tones, wood)
    obj, mask = obj.reduce(SUPERSAMPLE), mask.reduce(SUPERSAMPLE)
    bbox = mask.getbbox() or (0, 0, size, size)
    _shade(obj, bbox)
    photo = _studio(size, back)
    shadow = _shadow(size, mask, bbox, kind in _HANGING)
    photo = Image.composite(Image.new("RGB", photo.size, _dark(back, 0.6)), photo, shadow)
    photo.paste(obj, mask=mask)
    return photo


def _font(size):
    """Pillow's bundled scalable font, or None where Pillow was built without FreeType."""
    try:
        return ImageFont.load_default(size=size)
    except (ImportError, OSError, TypeError, AttributeError):
        return None


def portrait_placeholder(initials: str, seed: str, size: int = 800) -> Image.Image:
    """A neutral head-and-shoulders placeholder with the initials (up to 3) written over it."""
    rng = _rng("portrait", seed)
    bg = _dark(rng.choice((INDIGO, TERRACOTTA, GREEN, OCHRE, RED)), rng.uniform(0.15, 0.3))
    image = _gradient((size * SUPERSAMPLE,) * 2, _light(bg, 0.12), _dark(bg, 0.15))
    p, figure = _Pen(image), _light(bg, 0.3)
    p.oval(0.34, 0.15, 0.66, 0.55, figure)
    p.rect(0.44, 0.48, 0.56, 0.66, figure)
    p.oval(0.12, 0.62, 0.88, 1.4, figure)
    image = image.reduce(SUPERSAMPLE)
    words = initials.split()  # "A D" or "Awa Diop" give "AD"; a single word is used as given
    letters = ("".join(w[0] for w in words) if len(words) > 1 else "".join(words))[:3].upper()
    letters = letters or "?"
    ink, rim = (255, 255, 255), _dark(bg, 0.6)  # white with a dark rim reads on both tones
    font = _font(round(size * (0.36 if len(letters) < 3 else 0.28)))
    if font is not None:
        ImageDraw.Draw(image).text((size / 2, size / 2), letters, ink, font, anchor="mm",
                                   stroke_width=max(2, size // 90), stroke_fill=rim)
        return image
    tiny = Image.new("L", (12 * len(letters) + 8, 24))  # no FreeType: scale the bitmap font up
    ImageDraw.Draw(tiny).text((4, 4), letters, fill=255, font=ImageFont.load_default())
    glyphs = tiny.crop(tiny.getbbox() or (0, 0, 1, 1))
    scale = min(size * 0.3 / glyphs.height, size * 0.8 / glyphs.width)
    glyphs = glyphs.resize((round(glyphs.width * scale), round(glyphs.height * scale)),
                           Image.Resampling.NEAREST)  # crisp blocks read better than blur
    x, y = (size - glyphs.width) // 2, (size - glyphs.height) // 2
    image.paste(rim, (x + size // 100, y + size // 100), glyphs)
    image.paste(ink, (x, y), glyphs)
    return image


# --- scenes ---------------------------------------------------------------------------------


def _person(p, x, base, height, cloth, skin, rng):
    """A flat figure in a long boubou, sometimes wearing a head wrap."""
    hw, top = height * 0.14 * p.h / p.w, base - height
    p.poly([(x - hw, top + height * 0.24), (x + hw, top + height * 0.24),
            (x + hw * 1.3, base), (x - hw * 1.3, base)], cloth)
    p.rect(x - hw, top + height * 0.19, x + hw, top + height * 0.4, cloth, r=hw * 0.6)
    p.rect(x - hw * 0.25, top + height * 0.12, x + hw * 0.25, top + height * 0.22, skin)
    p.circle(x, top + height * 0.09, height * 0.085, skin)
    if rng.random() < 0.5:
        p.oval(x - hw * 0.75, top - height * 0.03, x + hw * 0.75, top + height * 0.08,
               rng.choice(TONES))


def _crowd(p, rng, n, y0, y1, h0, h1):
    for _ in range(n):
        _person(p, rng.uniform(0.05, 0.95), rng.uniform(y0, y1), rng.uniform(h0, h1),
                rng.choice(TONES), rng.choice(SKINS), rng)


def _sky(p, top, bottom, depth):
    p.image.paste(_gradient((p.w, round(p.h * depth)), top, bottom))


def _hills(p, rng, base, amp, col, n=40):
    waves = [(rng.uniform(3, 12), rng.uniform(0, 6)) for _ in range(3)]
    pts = [(i / n, base - amp * sum(math.sin(f * i / n + ph) for f, ph in waves) / 3)
           for i in range(n + 1)]
    p.poly(pts + [(1, 1), (0, 1)], col)


def _window(p, x0, y0, x1, y1, frame):
    p.rect(x0 - 0.015, y0 - 0.02, x1 + 0.015, y1 + 0.02, frame)
    p.rect(x0, y0, x1, y1, (168, 206, 226))
    p.rect(x0, y0 + (y1 - y0) * 0.7, x1, y1, _light(GREEN, 0.2))
    p.line([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], frame, 0.006)
    p.line([(x0, (y0 + y1) / 2), (x1, (y0 + y1) / 2)], frame, 0.006)


def _workshop(p, rng, c):
    wall, wood = _light(rng.choice((OCHRE, TERRACOTTA, CREAM)), 0.35), rng.choice(WOODS)
    p.rect(0, 0, 1, 0.74, wall)
    p.rect(0, 0.74, 1, 1, (150, 118, 86))
    for y in (0.8, 0.87, 0.95):
        p.line([(0, y), (1, y)], (128, 98, 70), 0.002)
    _window(p, 0.065, 0.14, 0.285, 0.48, _dark(wood, 0.3))
    p.poly([(0.065, 0.48), (0.285, 0.48), (0.56, 0.97), (0.22, 0.97)], (255, 244, 210, 55))
    p.rect(0.4, 0.08, 0.93, 0.46, _light(wood, 0.35))  # pegboard with hanging tools
    for i in range(26 * 9):
        p.circle(0.42 + i % 26 * 0.0195, 0.1 + i // 26 * 0.043, 0.003, _dark(wood, 0.1))
    p.rect(0.455, 0.16, 0.47, 0.38, wood)
    p.rect(0.435, 0.14, 0.49, 0.175, METAL, r=0.004)
    p.poly([(0.54, 0.15), (0.67, 0.17), (0.67, 0.23), (0.54, 0.3)], METAL)
    p.line([(0.54 + 0.0065 * i, 0.3 - 0.0035 * i + 0.006 * (i % 2)) for i in range(21)],
           _dark(METAL, 0.3), 0.003)
    p.rect(0.515, 0.14, 0.55, 0.31, wood, r=0.008)
    for i, x in enumerate((0.72, 0.75, 0.78, 0.81)):  # chisels
        p.rect(x, 0.14, x + 0.012, 0.22, c[i], r=0.004)
        p.rect(x + 0.003, 0.22, x + 0.009, 0.3 + 0.02 * i, METAL)
    p.line([(0.85, 0.15), (0.9, 0.36)], DARK, 0.006)
    p.line([(0.9, 0.15), (0.85, 0.36)], DARK, 0.006)
    p.line([(0.66, 0), (0.66, 0.05)], DARK, 0.003)  # hanging lamp and its light
    p.poly([(0.64, 0.05), (0.68, 0.05), (0.7, 0.09), (0.62, 0.09)], c[0])
    p.poly([(0.62, 0.09), (0.7, 0.09), (0.8, 0.54), (0.52, 0.54)], (255, 236, 170, 40))
    p.rect(0.34, 0.54, 0.98, 0.585, _light(wood, 0.1))  # workbench
    p.rect(0.34, 0.585, 0.98, 0.61, _dark(wood, 0.25))
    for x in (0.37, 0.93):
        p.rect(x, 0.61, x + 0.03, 0.92, _dark(wood, 0.25))
    p.rect(0.37, 0.8, 0.96, 0.825, wood)
    for i in range(4):
        p.rect(0.42 + i * 0.12, 0.76 - 0.01 * i, 0.52 + i * 0.12, 0.8, _mix(wood, CREAM, 0.2 * i))
    p.poly(_lathe(0.47, 0.42, 0.54, [0.02, 0.015, 0.04, 0.045, 0.025]), c[1])
    p.rect(0.58, 0.48, 0.72, 0.5, _light(wood, 0.3))
    p.rect(0.6, 0.5, 0.61, 0.54, wood)
    p.rect(0.69, 0.5, 0.7, 0.54, wood)
    p.rect(0.78, 0.52, 0.95, 0.54, _mix(wood, CREAM, 0.4))
    for _ in range(14):  # shavings on the floor
        x, y = rng.uniform(0.3, 0.95), rng.uniform(0.9, 0.98)
        p.arc(x, y, x + 0.02, y + 0.025, 180, 30, _mix(wood, CREAM, 0.5), 0.002)


def _market(p, rng, c):
    _sky(p, (120, 176, 214), (230, 220, 200), 0.6)
    for i in range(6):
        x = i * 0.18 - 0.03
        p.rect(x, rng.uniform(0.18, 0.3), x + 0.17, 0.6, _mix(rng.choice(WALLS), CREAM, 0.5))
    p.rect(0, 0.58, 1, 1, (214, 184, 138))
    for i in range(3):
        x0, x1, stripes = 0.04 + i * 0.32, 0.32 + i * 0.32, rng.sample(TONES, 2)
        _person(p, (x0 + x1) / 2, 0.72, 0.36, rng.choice(c), rng.choice(SKINS), rng)  # seller
        for x in (x0, x1 - 0.008):
            p.rect(x, 0.25, x + 0.008, 0.84, DARK)
        w = (x1 - x0 + 0.04) / 8
        for k in range(8):  # striped awning with a scalloped edge
            left = x0 - 0.02 + k * w
            p.rect(left, 0.22, left + w, 0.32, stripes[k % 2])
            p.oval(left, 0.3, left + w, 0.35, stripes[k % 2])
        p.rect(x0, 0.6, x1, 0.63, _light(rng.choice(WOODS), 0.1))
        box = [(x0 + 0.01, 0.63), (x1 - 0.01, 0.63), (x1 - 0.01, 0.82), (x0 + 0.01, 0.82)]
        _clipped(p, box, *_wax(rng, rng.sample(TONES, 3)))
        goods = rng.randrange(3)
        for k in range(5):
            gx = x0 + 0.03 + k * (x1 - x0 - 0.06) / 4.5
            if goods == 0:  # a pyramid of fruit
                fruit = rng.choice((OCHRE, RED, GREEN))
                for row, j in ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0)):
                    p.circle(gx + (j + row / 2) * 0.012, 0.59 - row * 0.018, 0.011, fruit)
            elif goods == 1:
                p.poly(_lathe(gx + 0.02, 0.54, 0.6, [0.02, 0.026, 0.018]), rng.choice(c))
            else:
                for j in range(3):
                    p.rect(gx, 0.585 - j * 0.015, gx + 0.04, 0.6 - j * 0.015, rng.choice(TONES))
    _crowd(p, rng, 4, 0.93, 0.99, 0.4, 0.48)


def _landscape(p, rng, c):
    dusk = rng.random() < 0.5
    top, low = ((64, 60, 120), (240, 160, 90)) if dusk else ((90, 150, 205), (236, 224, 196))
    _sky(p, top, low, 0.75)
    sx, sy = rng.uniform(0.2, 0.8), rng.uniform(0.22, 0.4)
    for r, alpha in ((0.16, 40), (0.11, 60)):
        p.circle(sx, sy, r, (255, 236, 170, alpha))
    p.circle(sx, sy, 0.07, (255, 214, 120) if dusk else (255, 240, 190))
    for _ in range(rng.randint(2, 4)):
        x, y = rng.uniform(0, 0.9), rng.uniform(0.08, 0.3)
        p.rect(x, y, x + rng.uniform(0.1, 0.2), y + 0.035, (255, 255, 255, 110), r=0.017)
    _hills(p, rng, 0.62, 0.04, _mix(INDIGO, low, 0.55))
    _hills(p, rng, 0.7, 0.03, _mix(OCHRE, TERRACOTTA, rng.random()))
    _hills(p, rng, 0.82, 0.025, _dark(OCHRE, 0.25))
    tree = _dark(INDIGO, 0.55) if dusk else (74, 52, 40)
    for x, base, h in ((rng.uniform(0.1, 0.3), 0.86, 0.55), (rng.uniform(0.6, 0.85), 0.76, 0.32),
                       (rng.uniform(0.4, 0.55), 0.7, 0.15)):
        _baobab(p, x, base, h, tree, rng)
    for _ in range(60):  # grass tufts
        x, y = rng.uniform(0, 1), rng.uniform(0.82, 1)
        for dx in (-0.006, 0, 0.006):
            p.line([(x, y), (x + dx, y - 0.03)], _dark(OCHRE, 0.4), 0.002)
    for _ in range(rng.randint(3, 6)):  # birds
        x, y = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.3)
        p.line([(x - 0.012, y - 0.01), (x, y), (x + 0.012, y - 0.01)], DARK, 0.002)


def _hands(p, rng, c):
    back = rng.choice((TERRACOTTA, OCHRE, GREEN))
    _sky(p, _light(back, 0.3), _dark(back, 0.1), 1.0)
    p.oval(0.18, 0.74, 0.82, 0.92, (70, 64, 60))  # potter's wheel
    p.oval(0.18, 0.7, 0.82, 0.86, (110, 104, 98))
    clay, skin = rng.choice(((176, 92, 60), (160, 120, 90))), rng.choice(SKINS)
    radii = [0.1, 0.09, 0.14, 0.17, 0.15, 0.11]
    p.poly(_lathe(0.5, 0.3, 0.79, radii), clay)
    p.oval(0.4, 0.285, 0.6, 0.315, _dark(clay, 0.45))
    for t in (0.35, 0.5, 0.65):  # throwing rings
        r, y = _radius(radii, t) * 0.9, 0.3 + 0.49 * t
        p.arc(0.5 - r, y - 0.02, 0.5 + r, y + 0.02, 20, 160, _light(clay, 0.15), 0.003)
    for side in (-1, 1):
        def fx(pts, side=side):  # draw the left hand, mirror it for the right one
            return [(0.5 + side * (x - 0.5), y) for x, y in pts]

        p.line(fx([(-0.05, 1.08), (0.14, 0.9)]), c[0], 0.17, cap=True)  # sleeve
        p.line(fx([(0.08, 0.96), (0.29, 0.73)]), skin, 0.075, cap=True)
        p.poly(fx([(0.24, 0.74), (0.335, 0.77), (0.39, 0.56), (0.3, 0.52)]), skin)
        for k, length in enumerate((0.8, 1.0, 0.95, 0.75)):  # fingers press on the clay
            bx, by = 0.3 + k * 0.028, 0.52 + k * 0.011
            tip = (bx + 0.05 * length, by - 0.12 * length)
            p.line(fx([(bx + 0.012, by + 0.01), tip]), skin, 0.026, cap=True)
            p.circle(*fx([tip])[0], 0.012, (*clay, 150))
        p.line(fx([(0.34, 0.71), (0.4, 0.66), (0.43, 0.61)]), skin, 0.03, cap=True)  # thumb
        p.line(fx([(0.3, 0.6), (0.36, 0.62)]), _light(skin, 0.15), 0.004)


def _classroom(p, rng, c):
    wall = _light(rng.choice((GREEN, OCHRE, (70, 120, 170))), 0.55)
    p.rect(0, 0, 1, 0.7, wall)
    p.rect(0, 0.6, 1, 0.7, _dark(wall, 0.12))
    p.rect(0, 0.7, 1, 1, (170, 140, 110))
    _window(p, 0.03, 0.14, 0.13, 0.44, _dark(wall, 0.3))
    p.rect(0.2, 0.08, 0.78, 0.44, rng.choice(WOODS))  # blackboard
    p.rect(0.21, 0.095, 0.77, 0.425, (44, 74, 60))
    chalk, font = (236, 236, 226), _font(round(p.h * 0.06))
    if font is not None:
        p.d.text((p.w * 0.25, p.h * 0.13), "A B C  1 2 3", fill=chalk, font=font)
    for row in range(3):  # lines of handwriting
        p.line([(0.25 + i * 0.012, 0.26 + row * 0.05 + rng.uniform(-0.008, 0.008))
                for i in range(rng.randint(18, 34))], chalk, 0.0025)
    p.arc(0.64, 0.15, 0.72, 0.29, 0, 360, chalk, 0.003)
    _person(p, 0.85, 0.86, 0.62, rng.choice(c), rng.choice(SKINS), rng)  # the teacher
    p.line([(0.82, 0.4), (0.76, 0.3)], rng.choice(SKINS), 0.012, cap=True)
    for row, (y, h, n) in enumerate(((0.72, 0.3, 4), (0.86, 0.4, 3))):
        for i in range(n):
            x, half = 0.1 + (i + 0.5 * row) * (0.72 / n), 0.09 + 0.03 * row
            for dx in (-0.035, 0.035):
                _person(p, x + dx * (1 + row), y + 0.06, h, rng.choice(TONES),
                        rng.choice(SKINS), rng)
            p.rect(x - half, y, x + half, y + 0.03, _light(WOODS[1], 0.1))
            p.rect(x - half + 0.01, y + 0.03, x + half - 0.01, y + 0.1 + 0.04 * row, WOODS[0])


def _street(p, rng, c):
    _sky(p, (100, 160, 214), (226, 230, 224), 0.8)
    x = -0.02
    while x < 1:  # a row of houses with painted walls, doors and shuttered windows
        w, top, wall = rng.uniform(0.14, 0.24), rng.uniform(0.25, 0.45), rng.choice(WALLS)
        p.rect(x, top, x + w, 0.8, wall)
        p.rect(x - 0.005, top - 0.02, x + w + 0.005, top + 0.01, _dark(wall, 0.2))
        p.rect(x, 0.74, x + w, 0.8, _dark(wall, 0.15))
        door = rng.choice([t for t in (INDIGO, GREEN, RED, (60, 140, 160)) if t != wall])
        dx = x + rng.uniform(0.2, 0.6) * (w - 0.06)
        p.rect(dx, 0.56, dx + 0.06, 0.8, door, r=0.012)
        p.rect(dx + 0.028, 0.58, dx + 0.032, 0.78, _dark(door, 0.3))
        wx = x + w - 0.07 if dx < x + w / 2 else x + 0.02
        for wy in [0.5] + ([top + 0.06] if top < 0.36 else []):
            p.rect(wx, wy, wx + 0.05, wy + 0.07, _dark(wall, 0.45))
            p.rect(wx - 0.012, wy, wx, wy + 0.07, door)
            p.rect(wx + 0.05, wy, wx + 0.062, wy + 0.07, door)
        x += w
    p.rect(0, 0.8, 1, 1, (220, 190, 140))
    p.rect(0, 0.8, 1, 0.83, (0, 0, 0, 35))
    for y in (0.14, 0.18):  # sagging wires
        p.line([(i / 10, y + 0.03 * math.sin(math.pi * (i % 5) / 5)) for i in range(11)],
               DARK, 0.0015)
    tx = rng.uniform(0.1, 0.9)
    p.rect(tx - 0.01, 0.45, tx + 0.01, 0.86, (90, 62, 44))
    for dx, dy, r in ((0, 0.36, 0.12), (-0.06, 0.42, 0.09), (0.07, 0.42, 0.1)):
        p.circle(tx + dx, dy, r, _mix(GREEN, (30, 60, 40), 0.3 + dx))
    _crowd(p, rng, 3, 0.9, 0.98, 0.35, 0.45)


_SCENES = dict(zip(SCENE_KINDS, (_workshop, _market, _landscape, _hands, _classroom, _street),
                   strict=True))


def scene(kind: str, seed: str, width: int = 1600, height: int = 1000) -> Image.Image:
    """A flat editorial-style illustration for a story (see SCENE_KINDS).

    Colours and the placement of details come from ``seed``. Raises ValueError for an unknown
    kind.
    """
    if kind not in _SCENES:
        raise ValueError(f"Unknown scene kind {kind!r}; expected one of {SCENE_KINDS}")
    rng = _rng("scene", kind, seed)
    image = Image.new("RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), CREAM)
    _SCENES[kind](_Pen(image), rng, rng.sample(TONES, len(TONES)))
    return image.reduce(SUPERSAMPLE)


def to_jpeg_bytes(image: Image.Image, quality: int = 85) -> bytes:
    """Encode as an optimised RGB JPEG with no EXIF (nor any other) metadata."""
    rgb = image.convert("RGB")
    clean = Image.frombytes("RGB", rgb.size, rgb.tobytes())  # a fresh image has an empty .info
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()


# The words for the colours the painters use, (French, English): alt texts name only these.
COLOUR_NAMES = {
    INDIGO: ("bleu indigo", "indigo blue"),
    OCHRE: ("jaune ocre", "ochre yellow"),
    TERRACOTTA: ("terre cuite", "terracotta"),
    GREEN: ("vert", "green"),
    CREAM: ("crème", "cream"),
    RED: ("rouge", "red"),
    DARK: ("brun très foncé", "very dark brown"),
    STRAW: ("paille", "straw"),
    (200, 192, 180): ("gris clair", "light grey"),
    (150, 140, 132): ("gris", "grey"),
    (58, 40, 32): ("brun très foncé", "very dark brown"),
    (120, 80, 40): ("brun", "brown"),
    (90, 60, 40): ("brun foncé", "dark brown"),
}
_MOTIF_WORDS = {
    "rings": ("à anneaux concentriques", "with concentric rings"),
    "diamonds": ("à losanges et points", "with diamonds and dots"),
    "bands": ("à bandes et grains", "with bands and seeds"),
}
# (French, English) sentence per kind; {colours} and {motif} come from `product_facts`.
_ALT_SENTENCES = {
    "painting": {
        "landscape": (
            "Tableau au cadre de bois : paysage de savane avec un baobab sombre, sous un ciel "
            "{colours} clair.",
            "Painting in a wooden frame: a savanna landscape with a dark baobab, under a light "
            "{colours} sky.",
        ),
        "abstract": (
            "Tableau abstrait au cadre de bois : aplats et coups de pinceau aux couleurs "
            "{colours} sur fond crème.",
            "Abstract painting in a wooden frame: colour fields and brush strokes in {colours} "
            "on a cream ground.",
        ),
    },
    "stool": (
        "Tabouret en bois à trois pieds, assise ronde soulignée d'un zigzag {colours}.",
        "Wooden stool with a round seat edged with a zigzag in {colours}.",
    ),
    "chair": (
        "Chaise en bois au dossier à barreaux, assise en cordelette tressée couleur {colours}.",
        "Wooden chair with a slatted back and a seat woven in {colours} cord.",
    ),
    "table": (
        "Table basse en bois ; dessus, une coupe couleur {colours} pleine de fruits.",
        "Wooden table with a bowl in {colours}, full of fruit, on top.",
    ),
    "shelf": (
        "Étagère en bois à quatre planches garnie de livres, de petits pots et de tissus "
        "pliés de toutes les couleurs.",
        "Four-board wooden shelf holding books, small pots and folded cloth of every colour.",
    ),
    "shirt": (
        "Chemise sur un cintre, en tissu wax {motif}, aux couleurs {colours}.",
        "Shirt on a hanger, in wax-print fabric {motif}, in {colours}.",
    ),
    "dress": (
        "Robe sur un cintre, en tissu wax {motif}, aux couleurs {colours}, ceinture à la taille.",
        "Dress on a hanger, in wax-print fabric {motif}, in {colours}, belted at the waist.",
    ),
    "bag": (
        "Sac en tissu wax {motif}, aux couleurs {colours}, anse et bordures en cuir.",
        "Bag in wax-print fabric {motif}, in {colours}, with a leather handle and trim.",
    ),
    "vase": (
        "Vase en terre couleur {colours}, rayé de bandes crème et d'un zigzag {accent}.",
        "Clay vase in {colours} with cream stripes and a zigzag in {accent}.",
    ),
    "basket": (
        "Panier rond en paille tressée, avec deux anses, rayé de bandes aux couleurs {colours}.",
        "Round basket of coiled straw with two handles, banded in {colours}.",
    ),
    "lamp": (
        "Lampe au pied de bois, abat-jour en tissu wax {motif}, aux couleurs {colours}, allumée.",
        "Lamp on a wooden base, its shade in wax-print fabric {motif}, in {colours}, lit.",
    ),
    "mask": (
        "Masque en bois sculpté, points crème sur le front, bouche rouge et scarifications.",
        "Carved wooden mask with cream dots on the forehead, a red mouth and cheek scars.",
    ),
    "cushion": (
        "Coussin capitonné en tissu wax {motif}, aux couleurs {colours}.",
        "Tufted cushion in wax-print fabric {motif}, in {colours}.",
    ),
    "sculpture": (
        "Statuette couleur {colours} d'une silhouette debout, sur un socle de pierre {stone}.",
        "Figurine in {colours} of a standing figure on a {stone} stone plinth.",
    ),
}


def _named(colours, language):
    names = []
    for colour in colours:
        name = COLOUR_NAMES[colour][language == "en"]
        if name not in names:
            names.append(name)
    if len(names) < 2:
        return "".join(names)
    joiner = " and " if language == "en" else " et "
    return ", ".join(names[:-1]) + joiner + names[-1]


def product_alt(kind: str, seed: str, language: str = "fr") -> str:
    """The alternative text of `product_photo(kind, seed)`: what is drawn, in its colours."""
    facts = product_facts(kind, seed)
    english = language == "en"
    sentences = _ALT_SENTENCES[kind]
    if kind == "painting":
        sentences = sentences[facts["scene"]]
    colours = facts["colours"]
    words = {"colours": _named(colours, language), "motif": ""}
    if "motif" in facts:
        words["motif"] = _MOTIF_WORDS[facts["motif"]][english]
    if kind == "vase":
        words = {"colours": _named(colours[:1], language), "accent": _named(colours[2:], language)}
    if kind == "basket":
        words["colours"] = _named(colours[1:], language)
    if kind == "sculpture":
        words = {
            "colours": _named(colours[:1], language),
            "stone": _named(colours[1:], language),
        }
    return sentences[english].format(**words)
