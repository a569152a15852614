// Runs the console once every module is defined (the last part of app.js).
amdRequire("console/src/main");
