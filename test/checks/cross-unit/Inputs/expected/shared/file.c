// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* Defines the callback, exports it, and installs it in its own table. */
#include <linux/export.h>
#include "internal.h"

int
sh_file_mmap_prepare(struct vm_area_desc *desc)
{
	struct file *file = desc->file;

	if (vma_desc_test(desc, VMA_SHARED_BIT))
		file_accessed(file);
	return generic_file_mmap_prepare(desc);
}
EXPORT_SYMBOL_GPL(sh_file_mmap_prepare);

const struct file_operations sh_file_operations = {
	.mmap_prepare	= sh_file_mmap_prepare,
};
