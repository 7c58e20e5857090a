from selfservice import create_app

app = create_app()
