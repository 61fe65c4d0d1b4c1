// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* The ops tables: the callbacks are defined in file.c. */
#include "netfs.h"

const struct file_operations netfs_file_ops = {
	.mmap_prepare = netfs_file_mmap_prepare,
};

const struct file_operations netfs_file_strict_ops = {
	.mmap_prepare	= netfs_file_strict_mmap_prepare,
};

const struct file_operations netfs_file_direct_ops = {
	.mmap_prepare = netfs_file_mmap_prepare,
};
