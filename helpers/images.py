"""Your own digit for assignment 4: any photo, scan or drawing turned into 8x8 pixels like the dataset's."""
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

# Strokes must differ from the paper by this many grey levels (of 255); JPEG noise and the grain of
# a photo of plain paper stay well below it.
MIN_CONTRAST = 48


def _grey(path):
    image = ImageOps.exif_transpose(Image.open(path))  # phone photos are stored sideways with a rotation tag
    image.thumbnail((256, 256))  # enough detail for 8x8 pixels, and fast for a photo of many megapixels
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        # A drawing on a transparent background: put it on white paper first.
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    return image.convert("L")


def load_digit_image(path, size=8):
    """
    Reads an image of one digit and returns it as the network's training images look: size x size
    grey pixels from 0 (paper) to 16 (ink), the digit centred with a margin.

    Works for photos, scans and drawings of any size, in any colour mode (RGB, RGBA with a
    transparent background, palette, greyscale; PNG or JPEG), with dark ink on light paper or light
    ink on dark paper. Uneven lighting is removed first, so a shadow is not taken for ink.

    Raises ValueError if the image shows no drawing: blank, or a photo of plain paper.
    """
    grey = _grey(path)
    # The paper, as it would look without the drawing: a median over windows much wider than a stroke.
    small = grey.resize((max(1, grey.width // 2), max(1, grey.height // 2)))
    window = min(31, max(3, min(small.size) // 4)) | 1
    paper = small.filter(ImageFilter.MedianFilter(window)).resize(grey.size)
    grey, paper = np.asarray(grey, dtype=float), np.asarray(paper, dtype=float)
    ink = paper - grey if np.median(grey) >= 128 else grey - paper
    ink = np.clip(ink, 0, None)
    if ink.max() < MIN_CONTRAST:
        raise ValueError(f"{path}: no digit found: the image is blank or its strokes are as light as the paper. "
                         "Draw the digit with a dark pen on light paper and fill most of the picture with it.")
    ink[ink < 0.25 * ink.max()] = 0  # the grain of the paper and of JPEG compression
    # Crop to the drawing; the outer half percent of the ink on each side (specks of dust) is left out.
    top, bottom = _span(ink.sum(axis=1))
    left, right = _span(ink.sum(axis=0))
    ink = ink[top:bottom + 1, left:right + 1]
    # Centre it in a square with a margin, as the digits of the dataset were drawn, then shrink it.
    side = int(1.4 * max(ink.shape)) + 1
    square = np.zeros((side, side))
    top, left = (side - ink.shape[0]) // 2, (side - ink.shape[1]) // 2
    square[top:top + ink.shape[0], left:left + ink.shape[1]] = ink
    pixels = np.asarray(Image.fromarray(square).resize((size, size), Image.LANCZOS), dtype=float)
    pixels = np.clip(pixels, 0, None)
    return pixels / pixels.max() * 16


def _span(mass):
    cumulative = np.cumsum(mass) / mass.sum()
    return int(np.searchsorted(cumulative, 0.005)), int(np.searchsorted(cumulative, 0.995))


def draw_sample_digit(path, seed=8):
    """
    Writes the sample image of assignment 4: an eight drawn with a pen on slightly uneven paper,
    a little tilted and not quite closed, as a hand draws it.
    """
    rng = np.random.default_rng(seed)
    width = height = 240
    # Paper: off-white, a little darker towards one corner, with grain.
    yy, xx = np.mgrid[0:height, 0:width]
    paper = 236 - 14 * (xx + yy) / (width + height) + rng.normal(0, 2, size=(height, width))
    image = Image.fromarray(np.clip(np.stack([paper, paper - 2, paper - 8], axis=-1), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    # One stroke: a figure of eight with a smaller top loop, started at the top right and ending past
    # its start, with a slow wobble of the hand and a varying pressure.
    t = np.linspace(0.15, 2 * np.pi + 0.45, 400)
    wobble = sum(rng.normal(0, 0.018) * np.sin(k * t + rng.uniform(0, 2 * np.pi)) for k in (1, 2, 3, 5))
    x = 0.5 * np.sin(2 * t) * np.where(np.cos(t) > 0, 0.5, 0.64) + wobble
    y = -np.cos(t) * np.where(np.cos(t) > 0, 0.3, 0.37) + 0.05
    tilt = np.deg2rad(12)
    x, y = x * np.cos(tilt) - y * np.sin(tilt), x * np.sin(tilt) + y * np.cos(tilt)
    px, py = width / 2 + x * width * 0.95, height / 2 + y * height
    pressure = 7 + 1.5 * np.sin(t * 1.3 + 0.4)
    for i in range(len(t)):
        r = pressure[i]
        draw.ellipse([px[i] - r, py[i] - r, px[i] + r, py[i] + r], fill=(38, 44, 88))
    image.filter(ImageFilter.GaussianBlur(0.8)).save(path)
    return path
