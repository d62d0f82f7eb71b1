"""A cell that takes almost the grader's least limit per cell, so that every attempt at the notebook costs time."""
import time

time.sleep(9.5)
