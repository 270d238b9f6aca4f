"""What tests share: servers, clients, processes and fixture graphs. No tests here."""
