// Not in the compile database, and its inferred command cannot build it
// (it needs a header of another configuration): listed as not analysed.
#include <asm/only-on-powerpc.h>

static const struct file_operations oa_fops = {
	.mmap = oa_mmap,
};
