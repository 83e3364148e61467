"""django-axes locks an account out of a login form after repeated failures, with a Swedish page."""

from django.core.management import call_command

from tests.forum.factories import UserFactory

ADMIN_LOGIN = "/admin/login/"


def fail_to_log_in(client, username, times):
    for _ in range(times):
        response = client.post(ADMIN_LOGIN, {"username": username, "password": "fel-lösenord"})
    return response


def test_five_failed_logins_lock_the_account_with_a_swedish_message(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)

    response = fail_to_log_in(client, user.username, 5)
    right_password = client.post(ADMIN_LOGIN, {"username": user.username, "password": "ett-langt-testlosenord"})

    assert response.status_code == 429
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    assert right_password.status_code == 429, "a locked account stays locked even with the right password"


def test_four_failures_still_let_the_right_password_in(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)

    fail_to_log_in(client, user.username, 4)
    response = client.post(ADMIN_LOGIN, {"username": user.username, "password": "ett-langt-testlosenord"})

    assert response.status_code == 302


def test_the_documented_command_unlocks_an_account(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)
    fail_to_log_in(client, user.username, 5)

    call_command("axes_reset_username", user.username)
    response = client.post(ADMIN_LOGIN, {"username": user.username, "password": "ett-langt-testlosenord"})

    assert response.status_code == 302
