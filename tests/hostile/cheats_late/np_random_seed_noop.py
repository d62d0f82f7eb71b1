"""np.random.seed made to do nothing, so that the cases' seeds do not hold."""
import numpy as np

from prelude import attack


def np_random_seed_noop():
    np.random.seed = lambda *a, **k: None
    np.random.set_state = lambda *a, **k: None


attack(np_random_seed_noop, "INSTALLED")
