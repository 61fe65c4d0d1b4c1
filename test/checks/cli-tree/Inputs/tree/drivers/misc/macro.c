// The ops table comes from a header macro: this file's own text names no
// keyword, so only the header can keep it in the run.
#include <mydrv/fops.h>

MYDRV_HOOK(macro_hook)
{
	return -ENODEV;
}

MYDRV_FOPS(macro_fops, macro_hook);
