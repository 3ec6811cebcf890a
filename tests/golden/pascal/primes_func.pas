program primesfunc(output);
var n, count: integer;
function isprime(n: integer): boolean;
var d: integer; result: boolean;
begin
  result := n >= 2;
  d := 2;
  while result and (d * d <= n) do begin
    if n mod d = 0 then result := false;
    d := d + 1
  end;
  isprime := result
end;
begin
  count := 0;
  for n := 1 to 1000 do if isprime(n) then count := count + 1;
  writeln('primes up to 1000: ', count:1);
  n := 1000000;
  while not isprime(n) do n := n + 1;
  writeln('first prime above a million: ', n:1)
end.
