/* Where rapport keeps its files (XDG base directories). */
#ifndef RAPPORT_PATHS_H
#define RAPPORT_PATHS_H

#include <stdbool.h>
#include <sys/types.h>

/* $XDG_DATA_HOME/rapport/rapport.db, else ~/.local/share/rapport/rapport.db.
 * New string, or NULL when no home is known. */
char *paths_default_database(void);
/* $XDG_CONFIG_HOME/rapport/config.ini, else ~/.config/rapport/config.ini. */
char *paths_default_config(void);
/* Creates path's folder and its missing parents with mode 0700.
 * Returns 0 or -1 with errno set. */
int paths_make_parent(const char *path);
/* Expands a leading "~/" with $HOME. New string. */
char *paths_expand_home(const char *path);

/* Whether a file system of statfs type f_type is a network one (NFS,
 * SMB/CIFS, AFS, Coda, 9P, Ceph), where SQLite's locking is unsafe. */
bool paths_network_fs(unsigned long f_type);

/* Whether a file of uid's may be trusted: the user's own, or root's. */
bool paths_trusted_owner(uid_t uid);

enum paths_fault {
    PATHS_FAULT_NONE,
    PATHS_FAULT_ERRNO,     /* a system error, in error */
    PATHS_FAULT_LINK,      /* a symbolic link another user made */
    PATHS_FAULT_FOLDER,    /* a folder on the way that others can change */
};

struct paths_walk {
    int dir;               /* O_PATH descriptor of the folder holding name */
    char *folder;          /* that folder's path as walked, for messages */
    char *name;            /* the last name in it; it may not exist */
    bool kernel_link;      /* name is a link of /proc's (/dev/stdout) */
    enum paths_fault fault;
    char *where;           /* on a fault: the path at fault, or NULL */
    int error;             /* on a fault: errno */
};

/* Follow a last name that is a link (of the user's or root's). */
#define PATHS_FOLLOW_LAST 1u
/* Refuse the path when a folder that a name is looked up in, other than
 * the one that holds the last name, is another user's, or writable by
 * every user without being sticky (/tmp is sticky). A relative path is
 * then walked from the root through the current folder. */
#define PATHS_SAFE_ABOVE 2u

/* Resolves path one name at a time, following a symbolic link only when
 * it is the user's or root's (never another user's, whatever
 * fs.protected_symlinks says), and opens the folder that holds the last
 * name. Returns 0, or -1 with the fault in w (and errno set). Always
 * paths_walk_clear(w) afterwards. */
int paths_walk(const char *path, unsigned flags, struct paths_walk *w);
void paths_walk_clear(struct paths_walk *w);
/* The message for a fault of w (LINK or FOLDER; ERRNO gives
 * "PATH: error"), naming the path at fault. New string. */
char *paths_walk_message(const struct paths_walk *w);

/* Creates a new file prefix + random letters in the folder dir with
 * O_EXCL | O_NOFOLLOW, mode 0600; returns it open for reading and
 * writing and its name in *name, or -1 with errno set. */
int paths_create_temp(int dir, const char *prefix, char **name);
/* Makes a new folder prefix + random letters in dir, mode 0700, and
 * returns an O_PATH descriptor of it, or -1 with errno set. */
int paths_make_temp_folder(int dir, const char *prefix, char **name);

#endif
