/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/fs.h for mmap-prepare-lint tests.
 *
 * struct file / struct inode / struct file_operations (with ->mmap and,
 * from MOCK_KERNEL_API >= 616, ->mmap_prepare), the generic mmap helpers and
 * the mmap_prepare compatibility layer, gated per <linux/mock_kernel_api.h>.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/mock_kernel_api.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/kdev_t.h>
#include <linux/mm_types.h>

struct module;
struct kiocb;
struct iov_iter;
struct poll_table_struct;
struct dir_context;
struct file_lock;
struct seq_file;
struct pipe_inode_info;
struct vm_area_struct;
#if MOCK_KERNEL_API >= 616
struct vm_area_desc;
#endif

struct address_space {
	struct inode *host;
	unsigned long nrpages;
	const struct address_space_operations *a_ops;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	dev_t i_rdev;
	loff_t i_size;
	struct address_space *i_mapping;
	struct address_space i_data;
	struct cdev *i_cdev;
	void *i_private;
	const struct file_operations *i_fop;
};

struct file {
	spinlock_t f_lock;
	fmode_t f_mode;
	const struct file_operations *f_op;
	struct address_space *f_mapping;
	void *private_data;
	struct inode *f_inode;
	unsigned int f_flags;
	loff_t f_pos;
	struct path f_path;
	atomic_long_t f_count;
};

#define FMODE_READ	((__force fmode_t)(1 << 0))
#define FMODE_WRITE	((__force fmode_t)(1 << 1))
#define FMODE_LSEEK	((__force fmode_t)(1 << 2))
#define FMODE_EXEC	((__force fmode_t)(1 << 5))

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_NONBLOCK	00004000
#define O_SYNC		04010000
#define O_NOATIME	01000000

struct file_operations {
	struct module *owner;
	fop_flags_t fop_flags;
	loff_t (*llseek) (struct file *, loff_t, int);
	ssize_t (*read) (struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write) (struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter) (struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter) (struct kiocb *, struct iov_iter *);
	int (*iterate_shared) (struct file *, struct dir_context *);
	__poll_t (*poll) (struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl) (struct file *, unsigned int, unsigned long);
	long (*compat_ioctl) (struct file *, unsigned int, unsigned long);
	int (*mmap) (struct file *, struct vm_area_struct *);
	int (*open) (struct inode *, struct file *);
	int (*flush) (struct file *, fl_owner_t id);
	int (*release) (struct inode *, struct file *);
	int (*fsync) (struct file *, loff_t, loff_t, int datasync);
	int (*fasync) (int, struct file *, int);
	int (*lock) (struct file *, int, struct file_lock *);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long, unsigned long);
	int (*check_flags)(int);
	int (*flock) (struct file *, int, struct file_lock *);
	ssize_t (*splice_write)(struct pipe_inode_info *, struct file *, loff_t *, size_t, unsigned int);
	ssize_t (*splice_read)(struct file *, loff_t *, struct pipe_inode_info *, size_t, unsigned int);
	long (*fallocate)(struct file *file, int mode, loff_t offset,
			  loff_t len);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
	int (*fadvise)(struct file *, loff_t, loff_t, int);
#if MOCK_KERNEL_API >= 616
	int (*mmap_prepare)(struct vm_area_desc *);
#endif
} __randomize_layout;

/* Supports synchronous page faults for mappings */
#define FOP_MMAP_SYNC		((__force fop_flags_t)(1 << 2))
/* Treat loff_t as unsigned (e.g., /dev/mem) */
#define FOP_UNSIGNED_OFFSET	((__force fop_flags_t)(1 << 5))

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline unsigned iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

static inline struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

void fput(struct file *);

static inline void file_accessed(struct file *file)
{
	(void)file;
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
int simple_open(struct inode *inode, struct file *file);
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

int register_chrdev_region(dev_t from, unsigned count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name);
static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}
static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

/* ---- mmap hook plumbing ---- */

#if MOCK_KERNEL_API >= 617
/* Did the driver provide valid mmap hook configuration? */
static inline bool can_mmap_file(struct file *file)
{
	bool has_mmap = file->f_op->mmap;
	bool has_mmap_prepare = file->f_op->mmap_prepare;

	/* Hooks are mutually exclusive. */
	if (WARN_ON_ONCE(has_mmap && has_mmap_prepare))
		return false;
	if (!has_mmap && !has_mmap_prepare)
		return false;

	return true;
}
#elif MOCK_KERNEL_API >= 616
/* v6.16 name of can_mmap_file() */
static inline bool file_has_valid_mmap_hooks(struct file *file)
{
	bool has_mmap = file->f_op->mmap;
	bool has_mmap_prepare = file->f_op->mmap_prepare;

	/* Hooks are mutually exclusive. */
	if (WARN_ON_ONCE(has_mmap && has_mmap_prepare))
		return false;
	if (!has_mmap && !has_mmap_prepare)
		return false;

	return true;
}
#endif

#if MOCK_KERNEL_API >= 701
void compat_set_desc_from_vma(struct vm_area_desc *desc, const struct file *file,
			      const struct vm_area_struct *vma);
int __compat_vma_mmap(struct vm_area_desc *desc, struct vm_area_struct *vma);
int compat_vma_mmap(struct file *file, struct vm_area_struct *vma);
#elif MOCK_KERNEL_API >= 619
int __compat_vma_mmap(const struct file_operations *f_op,
		struct file *file, struct vm_area_struct *vma);
int compat_vma_mmap(struct file *file, struct vm_area_struct *vma);
#elif MOCK_KERNEL_API >= 616
int __compat_vma_mmap_prepare(const struct file_operations *f_op,
		struct file *file, struct vm_area_struct *vma);
int compat_vma_mmap_prepare(struct file *file, struct vm_area_struct *vma);
#endif

#if MOCK_KERNEL_API >= 619
static inline int vfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (file->f_op->mmap_prepare)
		return compat_vma_mmap(file, vma);

	return file->f_op->mmap(file, vma);
}
#elif MOCK_KERNEL_API >= 617
static inline int vfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (file->f_op->mmap_prepare)
		return compat_vma_mmap_prepare(file, vma);

	return file->f_op->mmap(file, vma);
}
#elif MOCK_KERNEL_API >= 616
static inline int call_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (file->f_op->mmap_prepare)
		return compat_vma_mmap_prepare(file, vma);

	return file->f_op->mmap(file, vma);
}
#else
static inline int call_mmap(struct file *file, struct vm_area_struct *vma)
{
	return file->f_op->mmap(file, vma);
}
#endif

#if MOCK_KERNEL_API >= 617
static inline int vfs_mmap_prepare(struct file *file, struct vm_area_desc *desc)
{
	return file->f_op->mmap_prepare(desc);
}
#endif

int generic_file_mmap(struct file *, struct vm_area_struct *);
int generic_file_readonly_mmap(struct file *, struct vm_area_struct *);
#if MOCK_KERNEL_API >= 617
int generic_file_mmap_prepare(struct vm_area_desc *desc);
int generic_file_readonly_mmap_prepare(struct vm_area_desc *desc);
#endif

/*
 * Mock convenience: the real tree reaches <linux/mm.h> transitively from
 * most driver include lists; pull it in so test inputs need not.
 */
#include <linux/mm.h>

#endif /* _LINUX_FS_H */
