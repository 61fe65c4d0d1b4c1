// A hook that requests an action and installs vm_ops whose ->mapped takes
// state that ->close releases (Linux 7.3's stm_char_mmap_prepare): when the
// action fails, the core unmaps the VMA without calling ->mapped, but
// ->close runs and drops a reference that was never taken. The twin
// without an action is silent: ->mapped then runs whenever ->close does.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s --checks=-*,mmap-prepare-stateful-hook

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pm_runtime.h>

struct stm_device {
	struct device dev;
	unsigned long phys;
};

static int stm_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
		      const struct file *file, void **vm_private_data)
{
	struct stm_device *stm = file->private_data;

	pm_runtime_get_sync(&stm->dev);
	return 0;
}

static void stm_close(struct vm_area_struct *vma)
{
	struct stm_device *stm = vma->vm_file->private_data;

	pm_runtime_put_autosuspend(&stm->dev);
}

static const struct vm_operations_struct stm_vmops = {
	.mapped	= stm_mapped,
	.close	= stm_close,
};

static int stm_mmap_prepare(struct vm_area_desc *desc)
{
	struct stm_device *stm = desc->file->private_data;

	desc->vm_ops = &stm_vmops;
	mmap_action_simple_ioremap(desc, stm->phys, vma_desc_size(desc));
	return 0;
}
// CHECK: mapped-close.c:[[@LINE-3]]:2: warning: the mmap hook requests mmap_action_simple_ioremap() and installs 'stm_vmops', whose ->mapped stm_mapped() calls pm_runtime_get_sync(); if the action fails, ->mapped is skipped but ->close stm_close() still runs and releases what was never taken [mmap-prepare-stateful-hook]
// CHECK-NEXT: mapped-close.c:[[@LINE-25]]:2: note: ->mapped takes it here [mapped-close-unbalanced]
// CHECK-NEXT: mapped-close.c:[[@LINE-22]]:13: note: ->close runs after a failed action too; it must release only what ->mapped took (or the state moves to where the action cannot fail after it)

/* No action: ->mapped runs for every VMA that ->close will see. */
static int plain_mmap_prepare(struct vm_area_desc *desc)
{
	desc->vm_ops = &stm_vmops;
	return 0;
}

/*
 * Balanced: ->mapped records what it took in the VMA, and ->close releases
 * only when it finds it (a VMA whose action failed has none).
 */
static int guarded_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
			  const struct file *file, void **vm_private_data)
{
	struct stm_device *stm = file->private_data;

	pm_runtime_get_sync(&stm->dev);
	*vm_private_data = stm;
	return 0;
}

static void guarded_close(struct vm_area_struct *vma)
{
	struct stm_device *stm = vma->vm_private_data;

	if (stm)
		pm_runtime_put_autosuspend(&stm->dev);
}

static const struct vm_operations_struct guarded_vmops = {
	.mapped	= guarded_mapped,
	.close	= guarded_close,
};

static int guarded_mmap_prepare(struct vm_area_desc *desc)
{
	struct stm_device *stm = desc->file->private_data;

	desc->vm_ops = &guarded_vmops;
	mmap_action_simple_ioremap(desc, stm->phys, vma_desc_size(desc));
	return 0;
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = stm_mmap_prepare },
	{ .mmap_prepare = plain_mmap_prepare },
	{ .mmap_prepare = guarded_mmap_prepare },
};
