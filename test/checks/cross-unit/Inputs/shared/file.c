// SPDX-License-Identifier: GPL-2.0
/* COMPARE-FRONTENDS: skip the conversion spans units: the CLI joins them, the clang-tidy plugin sees one (docs/clang-tidy-plugin.md) */
/* Defines the callback, exports it, and installs it in its own table. */
#include <linux/export.h>
#include "internal.h"

int
sh_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		file_accessed(file);
	return generic_file_mmap(file, vma);
}
EXPORT_SYMBOL_GPL(sh_file_mmap);

const struct file_operations sh_file_operations = {
	.mmap		= sh_file_mmap,
};
