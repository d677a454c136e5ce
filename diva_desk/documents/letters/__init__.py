"""documents: letters to one customer (statement, reminder, meeting pack)"""
