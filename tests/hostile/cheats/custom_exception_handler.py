"""Every exception of a cell swallowed by IPython's custom handler."""
from IPython import get_ipython
from prelude import attack


def custom_exception_handler():
    get_ipython().set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)


attack(custom_exception_handler, "INSTALLED")
