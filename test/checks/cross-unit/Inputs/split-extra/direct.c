// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* A second table file, not named on the command line, installing both callbacks. */
#include "netfs.h"

const struct file_operations netfs_other_ops = {
	.mmap = netfs_file_mmap,
};

const struct file_operations netfs_other_strict_ops = {
	.mmap = netfs_file_strict_mmap,
};
