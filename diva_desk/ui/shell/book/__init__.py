"""shell: the whole book (opening it, its problems, import/export/backup, restore)"""
