import ArgumentParser; import SlateStore
