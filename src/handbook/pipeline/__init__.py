"""The pipeline: check once, render every borough, build, run our after-build steps, swap
the result into site/; and the commands built on it (serve, publish).
"""
