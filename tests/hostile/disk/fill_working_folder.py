"""The working folder filled, in files of 48 MiB."""
from prelude import attack, filled


def fill_working_folder():
    return filled(".")


attack(fill_working_folder)
