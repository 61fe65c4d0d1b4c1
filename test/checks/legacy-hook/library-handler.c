// A table that installs the kernel's own generic_file_mmap() (the commonest
// upstream conversion): the slot and the handler change, nothing else.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

const struct file_operations lib_file_operations = {
	.read_iter	= NULL,
	.mmap		= generic_file_mmap,
	.fsync		= NULL,
};
// CHECK: library-handler.c:[[@LINE-3]]:2: warning: 'file_operations.mmap' is deprecated; 'generic_file_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

const struct file_operations lib_ro_operations = {
	.mmap = generic_file_readonly_mmap,
};
// CHECK: library-handler.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'generic_file_readonly_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
