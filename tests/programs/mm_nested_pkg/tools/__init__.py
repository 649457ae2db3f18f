# tools: a package containing a sub-package.
