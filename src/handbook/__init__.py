"""Working Well with Children and Families: the handbook generator.

The one way through: data -> load -> model -> validate -> render -> build -> after-build steps.
"""
