# tools.text: a sub-package.
