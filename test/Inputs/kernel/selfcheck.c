// SPDX-License-Identifier: GPL-2.0
/*
 * Self-check for the mock kernel headers of mmap-prepare-lint.
 *
 * Includes every mock header and exercises the API of each MOCK_KERNEL_API
 * level: a legacy .mmap driver (all levels) and a converted .mmap_prepare
 * driver in the spelling of the selected level. Run from the project root:
 *
 *   test/Inputs/kernel/selfcheck.sh            # every level, exits non-zero
 *                                              # on the first failure
 * or for one level:
 *
 *   /usr/lib/llvm-19/bin/clang -fsyntax-only -std=gnu11 -nostdinc \
 *       -I test/Inputs/kernel/include -Wall -Wno-unused-function \
 *       -Werror -Werror=implicit-function-declaration \
 *       -DMOCK_KERNEL_API=701 test/Inputs/kernel/selfcheck.c
 */
#include <linux/mock_kernel_api.h>
#include <linux/version.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>
#include <linux/bits.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/args.h>
#include <linux/align.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/container_of.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/cleanup.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/pfn.h>
#include <linux/mm_types.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/kdev_t.h>
#include <linux/cdev.h>
#include <linux/poll.h>
#include <linux/shmem_fs.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/dma-mapping.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <asm/bitsperlong.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/pgtable.h>
#include <asm/io.h>

#define BUF_SIZE	(4 * PAGE_SIZE)

struct sc_dev {
	struct kref ref;
	struct mutex lock;
	struct device *dev;
	void *buf;
	dma_addr_t handle;
	phys_addr_t res_start;
	resource_size_t res_len;
	struct page *pages[4];
};

static struct sc_dev sc;

_Static_assert(PAGE_SIZE == 4096, "PAGE_SIZE");
_Static_assert(VM_IO == 0x00004000UL, "VM_IO");
_Static_assert(VM_DONTEXPAND == BIT(18), "VM_DONTEXPAND");
_Static_assert(VM_SEALED == BIT(42), "VM_SEALED");
_Static_assert(VM_SOFTDIRTY == VM_NONE, "VM_SOFTDIRTY");
_Static_assert(EAGAIN == 11 && EINVAL == 22 && ENOMEM == 12, "errno");
#if MOCK_KERNEL_API >= 619
_Static_assert(VMA_UFFD_MISSING_BIT == 9, "UFFD_MISSING");
_Static_assert(VMA_ARCH_1_BIT == 24, "ARCH_1");
_Static_assert(VMA_SOFTDIRTY_BIT == 27, "SOFTDIRTY");
_Static_assert(VMA_HIGH_ARCH_6_BIT == 38, "HIGH_ARCH_6");
_Static_assert(VMA_ALLOW_ANY_UNCACHED_BIT == 39, "ALLOW_ANY_UNCACHED");
_Static_assert(VMA_DROPPABLE_BIT == 40, "DROPPABLE");
_Static_assert(VMA_UFFD_MINOR_BIT == 41, "UFFD_MINOR");
_Static_assert(VMA_SEALED_BIT == 42, "SEALED");
_Static_assert(VMA_STACK_BIT == VMA_GROWSDOWN_BIT, "STACK");
_Static_assert(VM_PFNMAP == BIT(VMA_PFNMAP_BIT), "PFNMAP");
#endif

/* ---- legacy .mmap: must compile at every level ---- */

static void sc_vm_open(struct vm_area_struct *vma)
{
	struct sc_dev *d = vma->vm_private_data;

	kref_get(&d->ref);
}

static vm_fault_t sc_vm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	return vmf_insert_pfn(vma, vmf->address, vmf->pgoff);
}

static const struct vm_operations_struct sc_vm_ops = {
	.open	= sc_vm_open,
	.fault	= sc_vm_fault,
};

static int sc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sc_dev *d = file->private_data;
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long nr = 4;
	int ret;

	if (size > BUF_SIZE || vma_pages(vma) > 4)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED) || is_cow_mapping(vma->vm_flags))
		return -EINVAL;
	if (vma->vm_flags & VM_SPECIAL)
		return -EPERM;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_page_prot = pgprot_writecombine(vma->vm_page_prot);
	vma->vm_page_prot = pgprot_device(vma->vm_page_prot);
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vm_flags_clear(vma, VM_MAYWRITE);
	vm_flags_mod(vma, VM_DONTCOPY, VM_MAYEXEC);
	vm_flags_reset(vma, vma->vm_flags | VM_LOCKED_MASK);
	vma->vm_private_data = d;
	vma->vm_ops = &sc_vm_ops;
	file_accessed(file);

	switch (vma->vm_pgoff) {
	case 0:
		return remap_pfn_range(vma, vma->vm_start,
				       virt_to_phys(d->buf) >> PAGE_SHIFT,
				       size, vma->vm_page_prot);
	case 1:
		if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff,
				       size, vma->vm_page_prot))
			return -EAGAIN;
		return 0;
	case 2:
		return vm_iomap_memory(vma, d->res_start, d->res_len);
	case 3:
		return dma_mmap_coherent(d->dev, vma, d->buf, d->handle, size);
	case 4:
		return dma_mmap_wc(d->dev, vma, d->buf, d->handle, size);
	case 5:
		return remap_vmalloc_range(vma, d->buf, 0);
	case 6:
		return remap_vmalloc_range_partial(vma, vma->vm_start, d->buf,
						   0, size);
	case 7:
		ret = vm_insert_page(vma, vma->vm_start, vmalloc_to_page(d->buf));
		if (ret)
			return ret;
		return vm_insert_pages(vma, vma->vm_start, d->pages, &nr);
	case 8:
		return vm_map_pages(vma, d->pages, 4) ?:
		       vm_map_pages_zero(vma, d->pages, 4);
	case 9:
		zap_vma_ptes(vma, vma->vm_start, size);
		vma_set_anonymous(vma);
		return shmem_zero_setup(vma);
	case 10:
		ret = pm_runtime_resume_and_get(d->dev);
		if (ret < 0)
			return ret;
		pm_runtime_put(d->dev);
		get_device(d->dev);
		put_device(d->dev);
		return pm_runtime_get_sync(d->dev);
	default:
		return generic_file_mmap(file, vma);
	}
}

static const struct file_operations sc_legacy_fops = {
	.owner		= THIS_MODULE,
	.llseek		= noop_llseek,
	.mmap		= sc_mmap,
	.get_unmapped_area = NULL,
};

/* ---- converted .mmap_prepare in the spelling of each level ---- */

#if MOCK_KERNEL_API >= 616
static int sc_mmap_prepare(struct vm_area_desc *desc)
{
	struct file *file = desc->file;
	struct sc_dev *d = file->private_data;

#if MOCK_KERNEL_API >= 619
	if (vma_desc_size(desc) > BUF_SIZE || vma_desc_pages(desc) > 4)
		return -EINVAL;
#else
	if (desc->end - desc->start > BUF_SIZE)
		return -EINVAL;
#endif

#if MOCK_KERNEL_API >= 701
	if (!vma_desc_test(desc, VMA_SHARED_BIT) ||
	    vma_desc_is_cow_mapping(desc))
		return -EINVAL;
	if (vma_desc_test_any(desc, VMA_IO_BIT, VMA_PFNMAP_BIT) ||
	    vma_desc_test_all(desc, VMA_SHARED_BIT, VMA_MAYWRITE_BIT) ||
	    vma_desc_test_any_mask(desc, VMA_SPECIAL_FLAGS) ||
	    vma_desc_test_all_mask(desc, VMA_REMAP_FLAGS) ||
	    !range_in_vma_desc(desc, desc->start, desc->end))
		return -EPERM;
#elif MOCK_KERNEL_API >= 700
	if (!vma_desc_test_flags(desc, VMA_SHARED_BIT))
		return -EINVAL;
#else
	if (!(desc->vm_flags & VM_SHARED))
		return -EINVAL;
#endif

	desc->page_prot = pgprot_noncached(desc->page_prot);
#if MOCK_KERNEL_API >= 700
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
	vma_desc_clear_flags(desc, VMA_MAYWRITE_BIT);
	vma_desc_set_flags_mask(desc, VMA_REMAP_FLAGS);
	vma_desc_clear_flags_mask(desc, mk_vma_flags(VMA_MAYEXEC_BIT));
#else
	desc->vm_flags |= VM_IO | VM_DONTEXPAND;
	desc->vm_flags &= ~VM_MAYWRITE;
#endif
	desc->private_data = d;
	desc->vm_ops = &sc_vm_ops;
	desc->pgoff = 0;
	file_accessed(file);

#if MOCK_KERNEL_API >= 619
	switch (desc->pgoff) {
	case 0:
		mmap_action_remap_full(desc, virt_to_phys(d->buf) >> PAGE_SHIFT);
		break;
	case 1:
		mmap_action_remap(desc, desc->start, PHYS_PFN(d->res_start),
				  vma_desc_size(desc));
		break;
	case 2:
		mmap_action_ioremap(desc, desc->start, desc->pgoff, PAGE_SIZE);
		break;
	case 3:
		mmap_action_ioremap_full(desc, desc->pgoff);
		break;
#if MOCK_KERNEL_API >= 701
	case 4:
		mmap_action_simple_ioremap(desc, d->res_start, d->res_len);
		break;
	case 5:
		mmap_action_map_kernel_pages(desc, desc->start, d->pages, 4);
		break;
	case 6:
		mmap_action_map_kernel_pages_full(desc, d->pages);
		break;
#endif
	default:
		return shmem_zero_setup_desc(desc);
	}
#endif

#if MOCK_KERNEL_API >= 702
	desc->action.error_override = -EAGAIN;
#elif MOCK_KERNEL_API >= 619
	desc->action.error_hook = NULL;
	desc->action.success_hook = NULL;
#endif
	return 0;
}

#if MOCK_KERNEL_API >= 701
static int sc_vm_mapped(unsigned long start, unsigned long end, pgoff_t pgoff,
			const struct file *file, void **vm_private_data)
{
	struct sc_dev *d = *vm_private_data;

	(void)start; (void)end; (void)pgoff; (void)file;
	kref_get(&d->ref);
	return 0;
}

static const struct vm_operations_struct sc_vm_ops_mapped = {
	.open	= sc_vm_open,
	.mapped	= sc_vm_mapped,
};
#endif

static const struct file_operations sc_prepare_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= sc_mmap_prepare,
};

#if MOCK_KERNEL_API >= 617
static const struct file_operations sc_generic_fops = {
	.mmap_prepare	= generic_file_readonly_mmap_prepare,
};
#endif
#endif /* MOCK_KERNEL_API >= 616 */

/* ---- the tiny converted driver from the brief (7.0+ spelling) ---- */
#if MOCK_KERNEL_API >= 700
static int tiny_mmap_prepare(struct vm_area_desc *desc)
{
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
	mmap_action_remap_full(desc, desc->pgoff);
#if MOCK_KERNEL_API >= 702
	desc->action.error_override = -EAGAIN;
#endif
	return 0;
}

static const struct file_operations tiny_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= tiny_mmap_prepare,
};

static bool sc_value_helpers(struct vm_area_struct *vma)
{
	vma_flags_t f = mk_vma_flags(VMA_READ_BIT, VMA_WRITE_BIT);

	vma_flags_set(&f, VMA_IO_BIT);
	vma_flags_clear(&f, VMA_WRITE_BIT);
	vma_set_flags(vma, VMA_DONTDUMP_BIT);
	vma_clear_flags(vma, VMA_DONTDUMP_BIT);
#if MOCK_KERNEL_API >= 701
	f = append_vma_flags(f, VMA_PFNMAP_BIT);
	return vma_flags_test(&f, VMA_IO_BIT) &&
	       vma_flags_test_any(&f, VMA_IO_BIT, VMA_EXEC_BIT) &&
	       vma_flags_test_all(&f, VMA_IO_BIT, VMA_READ_BIT) &&
	       vma_test(vma, VMA_READ_BIT) &&
	       vma_test_any(vma, VMA_READ_BIT) &&
	       vma_test_all(vma, VMA_READ_BIT) &&
	       !vma_flags_empty(&f) &&
	       vma_flags_to_legacy(legacy_to_vma_flags(VM_IO)) == VM_IO &&
	       is_shared_maywrite(&f) && vma_is_shared_maywrite(vma);
#else
	return vma_flags_test(&f, VMA_IO_BIT, VMA_EXEC_BIT) &&
	       vma_flags_test_all(&f, VMA_IO_BIT) &&
	       vma_test_all_flags(vma, VMA_READ_BIT) &&
	       is_shared_maywrite(&f);
#endif
}
#endif /* MOCK_KERNEL_API >= 700 */

/*
 * ---- negative checks: each SELFCHECK_NEG=n must FAIL to compile at the ----
 * ---- level given in selfcheck.sh (proves the gating, not just presence) ----
 */
#ifdef SELFCHECK_NEG
struct vm_area_desc;
int sc_neg(struct vm_area_desc *desc, struct vm_area_struct *vma);
int sc_neg(struct vm_area_desc *desc, struct vm_area_struct *vma)
{
	(void)vma;
#if SELFCHECK_NEG == 1		/* < 616: no struct vm_area_desc */
	return (int)desc->start;
#elif SELFCHECK_NEG == 2	/* < 619: no mmap_action_*() */
	mmap_action_remap_full(desc, 0);
#elif SELFCHECK_NEG == 3	/* < 619: no VMA_*_BIT */
	return VMA_IO_BIT;
#elif SELFCHECK_NEG == 4	/* < 700: no vma_desc_set_flags() */
	vma_desc_set_flags(desc, VMA_IO_BIT);
#elif SELFCHECK_NEG == 5	/* >= 700: desc->vm_flags is gone */
	return (int)desc->vm_flags;
#elif SELFCHECK_NEG == 6	/* < 701: no vma_desc_test() */
	return vma_desc_test(desc, VMA_IO_BIT);
#elif SELFCHECK_NEG == 7	/* >= 701: vma_desc_test_flags() renamed */
	return vma_desc_test_flags(desc, VMA_IO_BIT);
#elif SELFCHECK_NEG == 8	/* < 701: no mmap_action_simple_ioremap() */
	mmap_action_simple_ioremap(desc, 0, PAGE_SIZE);
#elif SELFCHECK_NEG == 9	/* < 701: no vm_ops->mapped */
	static const struct vm_operations_struct o = { .mapped = NULL };
	(void)o;
#elif SELFCHECK_NEG == 10	/* < 702: no action.error_override */
	desc->action.error_override = -EAGAIN;
#elif SELFCHECK_NEG == 11	/* >= 702: success_hook removed */
	desc->action.success_hook = NULL;
#elif SELFCHECK_NEG == 12	/* >= 616: vma->vm_flags is const */
	vma->vm_flags |= VM_IO;
#elif SELFCHECK_NEG == 13	/* >= 700: VM_REMAP_FLAGS replaced */
	return (int)VM_REMAP_FLAGS;
#elif SELFCHECK_NEG == 14	/* < 703: no VMA_UFFD_RWP_BIT */
	return VMA_UFFD_RWP_BIT;
#endif
	return 0;
}
#endif /* SELFCHECK_NEG */

/* ---- misc plumbing ---- */

static void sc_release(struct kref *ref)
{
	struct sc_dev *d = container_of(ref, struct sc_dev, ref);

	kfree(d->buf);
	vfree(d->buf);
}

static long sc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	u32 val = 0;

	(void)file;
	if (cmd == 1 && copy_to_user(argp, &val, sizeof(val)))
		return -EFAULT;
	if (get_user(val, (u32 __user *)argp))
		return -EFAULT;
	guard(mutex)(&sc.lock);
	return put_user(val, (u32 __user *)argp);
}

static const struct file_operations sc_misc_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= sc_ioctl,
	.mmap		= sc_mmap,
};

static struct miscdevice sc_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "selfcheck",
	.fops	= &sc_misc_fops,
};

static int __init sc_init(void)
{
	const void *keep[] = {
		&sc_legacy_fops,
#if MOCK_KERNEL_API >= 616
		&sc_prepare_fops,
#endif
#if MOCK_KERNEL_API >= 617
		&sc_generic_fops,
#endif
#if MOCK_KERNEL_API >= 700
		&tiny_fops, (const void *)sc_value_helpers,
#endif
#if MOCK_KERNEL_API >= 701
		&sc_vm_ops_mapped,
#endif
		(const void *)sc_release,
	};

	(void)keep;
	sc.buf = kzalloc(BUF_SIZE, GFP_KERNEL);
	if (!sc.buf)
		return -ENOMEM;
	sc.buf = vmalloc_user(BUF_SIZE);
	sc.buf = kcalloc(4, PAGE_SIZE, GFP_KERNEL);
	kref_init(&sc.ref);
	mutex_init(&sc.lock);
	pr_info("selfcheck: %lu bytes at level %d (0x%x)\n", BUF_SIZE,
		MOCK_KERNEL_API, LINUX_VERSION_CODE);
	return misc_register(&sc_misc);
}

static void __exit sc_exit(void)
{
	misc_deregister(&sc_misc);
	kref_put(&sc.ref, sc_release);
}

module_init(sc_init);
module_exit(sc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("mock header self-check");
