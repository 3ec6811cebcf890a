program p(output);
var a: array[10..1] of integer;
    b: array[integer] of char;
    c: array[1..100000000] of integer;
begin
end.
