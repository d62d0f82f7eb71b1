"""Assignment 4's own-image cell: what a student may feed it, and what it makes of it."""
import numpy as np
import pytest
from PIL import Image

from conftest import ROOT
from helpers.images import draw_sample_digit, load_digit_image

SAMPLE = ROOT / "source" / "a4_deep_neural_network_application" / "my_digit.png"


@pytest.fixture(scope="module")
def sample():
    return load_digit_image(SAMPLE)


def test_the_committed_sample_is_what_the_helpers_draw(tmp_path):
    assert np.array_equal(np.asarray(Image.open(draw_sample_digit(tmp_path / "d.png"))), np.asarray(Image.open(SAMPLE)))
    assert (ROOT / "release" / "a4_deep_neural_network_application" / "my_digit.png").read_bytes() == SAMPLE.read_bytes()


def test_the_sample_looks_like_a_training_image(sample):
    assert sample.shape == (8, 8) and sample.min() == 0 and sample.max() == pytest.approx(16)
    # Ink in the middle, paper at the border, as in the dataset's digits.
    assert sample[2:6, 2:6].mean() > 3 * np.concatenate([sample[0], sample[-1], sample[:, 0], sample[:, -1]]).mean()


@pytest.mark.parametrize("kind", ["jpeg", "palette", "transparent", "light on dark", "large photo in uneven light"])
def test_other_kinds_of_images_of_the_same_drawing_give_the_same_pixels(kind, sample, tmp_path):
    image = Image.open(SAMPLE)
    grey = np.asarray(image.convert("L"), dtype=float)
    if kind == "jpeg":
        path = tmp_path / "d.jpg"
        image.save(path, quality=50)
    elif kind == "palette":
        path = tmp_path / "d.png"
        image.convert("P", palette=Image.ADAPTIVE, colors=16).save(path)
    elif kind == "transparent":
        # Black strokes on a transparent background, as drawing programs save them.
        rgba = np.zeros(grey.shape + (4,), dtype=np.uint8)
        rgba[..., 3] = np.clip((255 - grey - 20) * 2, 0, 255)
        path = tmp_path / "d.png"
        Image.fromarray(rgba).save(path)
    elif kind == "light on dark":
        path = tmp_path / "d.png"
        Image.fromarray((255 - grey).astype(np.uint8)).save(path)
    else:
        big = np.asarray(image.convert("L").resize((2400, 2400)), dtype=float)
        big = big - 70 * np.mgrid[0:2400, 0:2400][1] / 2400  # a shadow across the page
        path = tmp_path / "d.jpg"
        Image.fromarray(np.clip(big, 0, 255).astype(np.uint8)).convert("RGB").save(path, quality=85)
    pixels = load_digit_image(path)
    assert pixels.shape == (8, 8)
    assert np.abs(pixels - sample).mean() < 1, f"{kind}: mean difference {np.abs(pixels - sample).mean():.2f} of 16"


@pytest.mark.parametrize("kind", ["white", "grey paper", "transparent"])
def test_an_image_without_a_drawing_gets_a_message(kind, tmp_path):
    rng = np.random.default_rng(0)
    path = tmp_path / ("d.jpg" if kind == "grey paper" else "d.png")
    if kind == "white":
        Image.new("RGB", (300, 200), "white").save(path)
    elif kind == "grey paper":
        # A photo of plain grey paper: grain and a gradient of light, no strokes.
        paper = 128 + rng.normal(0, 6, (600, 800)) + 40 * np.mgrid[0:600, 0:800][1] / 800
        Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8)).save(path, quality=70)
    else:
        Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(path)
    with pytest.raises(ValueError, match="no digit found"):
        load_digit_image(path)
