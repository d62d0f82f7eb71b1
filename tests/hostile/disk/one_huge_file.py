"""One file as large as the whole target."""
from prelude import attack, filled


def one_huge_file():
    return filled(".", per_file=2**40)


attack(one_huge_file)
