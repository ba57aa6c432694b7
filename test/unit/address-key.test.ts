import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey, plainAddress } from '../../server/net/address-key.js';

test('IPv4 addresses are their own key, IPv4-mapped ones count as their IPv4 address', () => {
  assert.equal(addressKey('10.0.0.5'), '10.0.0.5');
  assert.equal(addressKey('::ffff:10.0.0.5'), '10.0.0.5');
  assert.equal(addressKey('::FFFF:10.0.0.5'), '10.0.0.5');
});

test('any other IPv6 address counts as its /64, however it is written', () => {
  assert.equal(addressKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:DB8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:0db8:0001:0002::ffff'), '2001:db8:1:2::/64');
  assert.equal(addressKey('fd00:a7a::1'), addressKey('fd00:a7a:0:0:ffff:ffff:ffff:ffff'));
  assert.notEqual(addressKey('fd00:a7a:0:1::1'), addressKey('fd00:a7a:0:2::1'));
  assert.equal(addressKey('64:ff9b::192.0.2.1'), '64:ff9b::/64');
  assert.equal(addressKey('fe80::1%eth0'), 'fe80::/64');
});

test('a missing or unreadable address has a key of its own', () => {
  assert.equal(addressKey(undefined), 'unknown');
  assert.equal(addressKey(null), 'unknown');
  assert.equal(addressKey('not an address'), 'not an address');
});

test('what is shown keeps the whole address, IPv4-mapped ones as IPv4', () => {
  assert.equal(plainAddress('::ffff:192.168.1.23'), '192.168.1.23');
  assert.equal(plainAddress('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2:3:4:5:6');
});
