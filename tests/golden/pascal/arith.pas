program arith(output);
var a, b: integer;
begin
  a := 17; b := 5;
  writeln(a + b, a - b, a * b, a div b, a mod b);
  a := -17;
  writeln(a div b, a mod b, -(17 mod 5), (-17) mod 5);
  writeln(abs(a), abs(b), sqr(a), sqr(-3));
  writeln(odd(a), odd(4), odd(-3));
  writeln(7 div 2 * 2, 7 - 2 - 1, 2 * 3 + 4 * 5, (2 + 3) * 4);
  writeln(-a, - -a, +a);
  a := 2147483647; b := a - 1;
  writeln(a, b, a - b, -a - 1);
  a := 40000;
  writeln(a * a div 1000)
end.
