"""The client's address behind load balancers, as far as the operator trusts them."""

from django.test import RequestFactory

from config.security import client_ip


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_PROXY_NETWORKS = []
    assert client_ip(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_behind_trusted_networks_the_right_most_untrusted_address_is_the_client(settings):
    settings.TRUSTED_PROXY_NETWORKS = ["10.0.0.0/8", "127.0.0.1/32"]
    # The client wrote 1.2.3.4 itself; the edge proxy 10.0.0.2 added the real address.
    request = request_from("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2")
    assert client_ip(request) == "198.51.100.7"


def test_a_direct_connection_from_outside_the_trusted_networks_cannot_claim_an_address(settings):
    settings.TRUSTED_PROXY_NETWORKS = ["10.0.0.0/8"]
    assert client_ip(request_from("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_a_chain_of_trusted_proxies_only_gives_the_left_most_address(settings):
    settings.TRUSTED_PROXY_NETWORKS = ["10.0.0.0/8"]
    assert client_ip(request_from("10.0.0.3", "10.0.0.9, 10.0.0.2")) == "10.0.0.9"


def test_garbage_written_by_the_client_at_the_left_is_never_reached(settings):
    settings.TRUSTED_PROXY_NETWORKS = ["127.0.0.1/32"]
    request = request_from("127.0.0.1", "not-an-address, , 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


def test_a_proxy_network_accepts_ipv6_clients(settings):
    settings.TRUSTED_PROXY_NETWORKS = ["10.0.0.0/8"]
    assert client_ip(request_from("10.0.0.2", "2001:db8::7")) == "2001:db8::7"


def test_with_a_proxy_count_the_nth_address_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_NETWORKS = []
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2")
    assert client_ip(request) == "198.51.100.7"
