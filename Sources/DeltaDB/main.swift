print("deltadb")
