// An mmap_prepare hook may run for a mapping that is then merged or fails:
// allocations, references, counters and held locks leak.
// RUN: %expect-exit 1 %mpl --checks=-*,mmap-prepare-stateful-hook %s -- %kflags | %FileCheck %s --implicit-check-not=warning:

#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

struct dev {
	struct kref ref;
	struct mutex lock;
	int maps;
	struct device *dev;
};

static int state_prepare(struct vm_area_desc *desc)
{
	struct dev *d = desc->file->private_data;
	void *p = kzalloc(64, GFP_KERNEL);
// CHECK: prepare-state.c:[[@LINE-1]]:12: warning: the mmap hook calls kzalloc()
	kref_get(&d->ref);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook calls kref_get()
	pm_runtime_get_sync(d->dev);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook calls pm_runtime_get_sync()
	mutex_lock(&d->lock);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook can return with &d->lock still locked (no matching mutex_unlock())
	d->maps++;
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook updates a counter that outlives the hook
	desc->private_data = p;
	return 0;
}

static int clean_prepare(struct vm_area_desc *desc)
{
	struct dev *d = desc->file->private_data;
	int local = 0;

	mutex_lock(&d->lock);
	local++;
	desc->pgoff += local;
	mutex_unlock(&d->lock);
	return 0;
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = state_prepare },
	{ .mmap_prepare = clean_prepare },
};
