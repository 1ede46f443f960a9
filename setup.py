"""Package list for setuptools: the code packages plus resources/ as ``leerwinkel_resources``."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["leerwinkel", "leerwinkel.*", "ui", "ui.*"]), "leerwinkel_resources"])
